using System.CommandLine;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Cli;

public static class ExportVerb
{
    public static Command Create(CliIo io)
    {
        var format = new Option<string>("--format") { Description = "csv atau xlsx", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "File tujuan", Required = true };
        var kecamatan = new Option<string?>("--kecamatan") { Description = "Hanya satu kecamatan (nama)" };
        var cmd = new Command("export", "Ekspor rumah tangga beserta laporan terakhir dan tindak lanjut terbuka (NIK disamarkan).") { format, output, kecamatan };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            int? kecId = null;
            if (pr.GetValue(kecamatan) is { } name)
            {
                var wilayah = await WilayahIndex.LoadAsync(db, ct);
                if (wilayah.FindKecamatan(name) is not { } k)
                {
                    io.Err.WriteLine($"Kecamatan '{name}' tidak dikenal. Pilihan: {string.Join(", ", wilayah.Kecamatan.Select(x => x.Nama).Order())}.");
                    return 2;
                }
                kecId = k.Id;
            }
            var path = pr.GetValue(output)!.FullName;
            var exporter = scope.ServiceProvider.GetRequiredService<HouseholdExporter>();
            var rows = pr.GetValue(format) == "xlsx"
                ? await exporter.ExportXlsxAsync(path, kecId, ct)
                : await exporter.ExportCsvAsync(path, kecId, ct);
            io.Out.WriteLine($"{rows} rumah tangga diekspor ke {path}.");
            return 0;
        });
        return cmd;
    }
}
