using System.CommandLine;
using System.Globalization;
using PkhBot.Ppse;

namespace PkhBot.Cli;

/// <summary>`report ppse --month YYYY-MM --out FILE.xlsx`: the monthly PPSE report.</summary>
public static class ReportVerb
{
    public static Command Create(CliIo io)
    {
        var month = new Option<string>("--month") { Description = "Bulan laporan, YYYY-MM (mis. 2026-11)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "File .xlsx tujuan", Required = true };
        var ppse = new Command("ppse", "Laporan bulanan PPSE untuk Bupati: jumlah KPM, graduasi (mandiri, alamiah), kandidat, rujukan per mitra, selisih rekonsiliasi terakhir.") { month, output };
        ppse.SetAction(async (pr, ct) =>
        {
            if (!DateOnly.TryParseExact(pr.GetValue(month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                io.Err.WriteLine($"--month '{pr.GetValue(month)}' bukan bulan YYYY-MM, mis. 2026-11.");
                return 2;
            }
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (Reporting.Wib.StartOfDay(first) > now)
            {
                io.Err.WriteLine($"Bulan {first:yyyy-MM} belum dimulai: pilih bulan ini atau sebelumnya.");
                return 2;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var path = pr.GetValue(output)!.FullName;
            PpseMonthlyReport.Written written;
            try
            {
                written = await scope.ServiceProvider.GetRequiredService<PpseMonthlyReport>().WriteAsync(path, first.Year, first.Month, now, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Err.WriteLine($"File {path} tidak bisa ditulis ({ex.GetType().Name}). Periksa foldernya lalu coba lagi.");
                return 2;
            }
            var f = written.Figures;
            io.Out.WriteLine($"Laporan PPSE {first:yyyy-MM} ditulis ke {path}: {f.Households:N0} KPM, graduasi mandiri bulan ini {f.MandiriPeriod}, tahun ini {f.MandiriYear} dari target {f.Target}.");
            return 0;
        });
        var cmd = new Command("report", "Laporan berkala.");
        cmd.Subcommands.Add(ppse);
        return cmd;
    }
}
