using System.CommandLine;
using PkhBot.Retention;

namespace PkhBot.Cli;

/// <summary>`retention run [--now ...]`: the daily retention job once, now (or as if at --now), with its counts.</summary>
public static class RetentionVerb
{
    public static Command Create(CliIo io)
    {
        var now = new Option<DateTimeOffset?>("--now") { Description = "Anggap sekarang waktu ini, mis. 2026-01-31T02:30:00+07:00" };
        var run = new Command("run", "Hapus sekarang data yang sudah lewat masa simpannya (Retention:Days, Retention:AuditDays).") { now };
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, [.. io.HostArgs, .. pr.UnmatchedTokens]);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var at = pr.GetValue(now) ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var result = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(at, ct);
            io.Out.WriteLine($"Retensi: dihapus {result}.");
            return 0;
        });
        var cmd = new Command("retention", "Masa simpan data pribadi: jalankan penghapusan harian sekali.");
        cmd.Subcommands.Add(run);
        return cmd;
    }
}
