using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reconciliation;

namespace PkhBot.Cli;

/// <summary>`reconcile FILE [--json] [--out FILE.xlsx] [--kecamatan K]`: an official list against the roster.</summary>
public static class ReconcileVerb
{
    public static Command Create(CliIo io)
    {
        var file = new Argument<FileInfo>("file") { Description = "Daftar penerima resmi (Kemensos/SIKS-NG/DTSEN): .csv atau .xlsx dengan kolom " + string.Join(",", OfficialList.Columns) };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON (in_both, only_in_file, only_in_database, status_differs, nik_differs, kecamatan)" };
        var output = new Option<FileInfo?>("--out") { Description = "Tulis rincian ke file .xlsx (ringkasan + satu sheet per kelompok; NIK disamarkan)" };
        var kecamatan = new Option<string?>("--kecamatan") { Description = "Hanya satu kecamatan (nama)" };
        var cmd = new Command("reconcile", "Cocokkan daftar penerima resmi dengan data bot menurut id_kpm. Data rumah tangga tidak diubah.") { file, json, output, kecamatan };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<PkhDbContext>();

            int? kecamatanId = null;
            if (pr.GetValue(kecamatan) is { } name)
            {
                var wilayah = await WilayahIndex.LoadAsync(db, ct);
                if (wilayah.FindKecamatan(name) is not { } k)
                {
                    io.Err.WriteLine(ReconciliationTexts.UnknownKecamatan(name, wilayah.Kecamatan.Select(x => x.Nama).Order()));
                    return 2;
                }
                kecamatanId = k.Id;
            }

            var path = pr.GetValue(file)!;
            var maxBytes = sp.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileMegabytes * 1_048_576L;
            var list = OfficialList.Read(path.FullName, maxBytes);
            if (list.Error is not null)
            {
                io.Err.WriteLine(list.Error);
                return 2;
            }

            var result = await sp.GetRequiredService<Reconciler>().ReconcileAsync(list, path.Name, kecamatanId, ct);
            await sp.GetRequiredService<ReconciliationLog>().RecordAsync(result, ct);
            if (pr.GetValue(output) is { } xlsx)
            {
                try
                {
                    ReconciliationWorkbook.Write(xlsx.FullName, result);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    io.Err.WriteLine($"File {xlsx.FullName} tidak bisa ditulis ({ex.GetType().Name}). Periksa foldernya lalu coba lagi.");
                    return 2;
                }
            }

            if (pr.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(ReconcileJson.From(result), ReconcileJson.Options));
            }
            else
            {
                foreach (var w in result.Warnings) io.Out.WriteLine("Peringatan: " + w);
                io.Out.WriteLine(ReconciliationTexts.Summary(result));
                if (pr.GetValue(output) is { } written) io.Out.WriteLine(ReconciliationTexts.Written(written.FullName));
            }
            return 0;
        });
        return cmd;
    }
}
