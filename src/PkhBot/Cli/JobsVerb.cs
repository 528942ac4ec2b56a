using System.CommandLine;
using System.Globalization;
using PkhBot.Channels.Outbox;
using PkhBot.Reminders;

namespace PkhBot.Cli;

/// <summary>
/// `jobs list` (schedules and next fire times in WIB, computed without a running scheduler),
/// `jobs run NAME [--now ...]` (plan as of that time, queue, deliver, summarise) and
/// `jobs schema` (the Quartz SQL Server script for a DBA). Extra `--Section:Key=value` tokens are host settings.
/// </summary>
public static class JobsVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("jobs", "Jadwal pengingat: daftar, jalankan satu job, skrip skema Quartz.");
        cmd.Subcommands.Add(List(io));
        cmd.Subcommands.Add(Run(io));
        cmd.Subcommands.Add(Schema(io));
        return cmd;
    }

    private static Option<DateTimeOffset?> NowOption() => new("--now") { Description = "Anggap sekarang waktu ini, mis. 2025-11-17T08:00:00+07:00" };

    private static string[] HostArgs(CliIo io, ParseResult pr) => [.. io.HostArgs, .. pr.UnmatchedTokens];

    private static Command List(CliIo io)
    {
        var now = NowOption();
        var cmd = new Command("list", "Semua job, cron dan waktu jalan berikutnya (WIB).") { now };
        cmd.TreatUnmatchedTokensAsErrors = false;
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, HostArgs(io, pr));
            app.Services.ValidateOptions();
            var calendar = app.Services.GetRequiredService<WorkCalendar>();
            var crons = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RemindersOptions>>().Value.Cron;
            var at = pr.GetValue(now) ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            io.Out.WriteLine($"{"JOB",-22} {"CRON",-20} BERIKUTNYA (WIB)");
            foreach (var (job, cron) in crons.All())
            {
                var next = calendar.NextFireTime(cron, at);
                var text = next is null ? "-" : calendar.ToLocal(next.Value).ToString("ddd dd-MM-yyyy HH\\:mm", ReminderTexts.Id);
                io.Out.WriteLine($"{job,-22} {cron,-20} {text}");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Run(CliIo io)
    {
        var name = new Argument<string>("name") { Description = string.Join(", ", ReminderRunner.Jobs) };
        var now = NowOption();
        var cmd = new Command("run", "Jalankan satu job seolah-olah pada waktu --now, kirim hasilnya, lalu keluar.") { name, now };
        cmd.TreatUnmatchedTokensAsErrors = false;
        cmd.SetAction(async (pr, ct) =>
        {
            var job = pr.GetValue(name)!;
            if (!ReminderRunner.Jobs.Contains(job))
            {
                io.Err.WriteLine($"Job '{job}' tidak dikenal. Pilih salah satu: {string.Join(", ", ReminderRunner.Jobs)}");
                return 2;
            }
            await using var app = AppHost.Build(AppMode.Tool, HostArgs(io, pr));
            await app.PrepareAsync(ct);
            var at = pr.GetValue(now) ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var result = await app.Services.GetRequiredService<ReminderRunner>().RunAsync(job, at, ct);
            var local = app.Services.GetRequiredService<WorkCalendar>().ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            if (result.SkippedReason is not null)
            {
                io.Out.WriteLine($"{job} @ {local} WIB: dilewati ({result.SkippedReason}), tidak ada yang diantrekan.");
                return 0;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var drain = await scope.ServiceProvider.GetRequiredService<IOutboxDrain>().DrainAsync(ct);
            io.Out.WriteLine($"{job} @ {local} WIB: {result.Queued} pengingat diantrekan ({result.Messages} pesan), {result.Duplicates} duplikat dilewati; " +
                             $"terkirim {drain.Sent}, tertunda {drain.StillPending}, tak terjangkau {drain.Unreachable}, gagal {drain.Failed}.");
            return 0;
        });
        return cmd;
    }

    private static Command Schema(CliIo io)
    {
        var cmd = new Command("schema", "Cetak skrip SQL Server untuk tabel Quartz (jalankan oleh DBA sebelum Reminders:Store:Provider=SqlServer).");
        cmd.SetAction(_ =>
        {
            io.Out.Write(QuartzSchema.SqlServerScript());
            return 0;
        });
        return cmd;
    }
}
