using System.Diagnostics;
using System.Globalization;
using System.Text;
using PkhBot.Households;

namespace PkhBot.Bench;

/// <summary>A generated roster CSV (100,000 rows at --scale >= 0.1) through the real RosterImporter.</summary>
public sealed class ImportProbe : IBenchProbe
{
    public string Area => "import";

    public static int Rows(double scale) => (int)Math.Clamp(1_000_000 * scale, 200, 100_000);

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var rows = Rows(options.Scale);
        var (app, db) = await BenchHost.BuildAsync(options, AppMode.Tool, null, ct);
        var csv = Path.Combine(options.WorkDir, "roster.csv");
        try
        {
            var desa = new List<(string Desa, string Kec)>();
            using (var c = BenchHost.Open(db))
            using (var q = c.CreateCommand())
            {
                q.CommandText = "SELECT d.Nama, k.Nama FROM Desa d JOIN Kecamatan k ON k.Id = d.KecamatanId ORDER BY d.Id";
                using var r = q.ExecuteReader();
                while (r.Read()) desa.Add((r.GetString(0), r.GetString(1)));
            }
            var pendamping = Math.Max(1, rows / 263);   // Bojonegoro: 55,028 families / 209 pendamping
            await using (var w = new StreamWriter(csv, false, new UTF8Encoding(false)))
            {
                await w.WriteLineAsync(string.Join(',', RosterColumns.Names));
                for (var i = 0; i < rows; i++)
                {
                    var (d, k) = desa[i % desa.Count];
                    var p = i % pendamping + 1;
                    await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{3522100000 + i},{3522010101800000 + i},Siti Aminah {i},RT 0{i % 9 + 1} RW 02,{d},{k},PI{p},Pendamping {p},08123{p:000000},{i % 2},{i % 3 % 2},{i % 4 % 2},0,0,0,{i % 7 % 2},aktif"));
                }
            }
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
            var sw = Stopwatch.StartNew();
            var (result, peak) = await BenchHost.WithPeakMemoryAsync(() => importer.ImportFileAsync(csv, false, null, ct));
            var s = sw.Elapsed.TotalSeconds;
            var imported = result.Added + result.Updated + result.Unchanged;
            var note = result.FileError is not null ? "file error: " + result.FileError : $"{rows:N0} rows, {imported:N0} imported, {pendamping} pendamping, {result.Rejected} rejected";
            var reconcile = await ReconcileAsync(scope.ServiceProvider, options, rows, ct);
            return
            [
                new(Area, "total", s, "s", rows >= 10_000 ? 15.0 * rows / 100_000 : null, false, Note: note),
                new(Area, "rows/s", imported / s, "rows/s", rows >= 10_000 ? 100_000 / 15.0 : null, true),
                new(Area, "peak working set", peak, "MB", null, false, Note: "whole process"),
                reconcile,
            ];
        }
        finally
        {
            await app.DisposeAsync();
            BenchHost.DeleteDb(db);
            try { File.Delete(csv); } catch (IOException) { }
        }
    }

    /// <summary>
    /// An official list of 60,000 rows (or the roster's size when smaller) against the imported roster: the first
    /// rows of the roster with one in 50 graduated, one in 200 with another NIK, and one in 100 not ours.
    /// </summary>
    private static async Task<BenchFigure> ReconcileAsync(IServiceProvider services, BenchOptions options, int rosterRows, CancellationToken ct)
    {
        var rows = Math.Min(60_000, rosterRows);
        var list = Path.Combine(options.WorkDir, "official-list.csv");
        try
        {
            await using (var w = new StreamWriter(list, false, new UTF8Encoding(false)))
            {
                await w.WriteLineAsync("id_kpm,nik,nama_pengurus,kecamatan,status,keterangan");
                for (var i = 0; i < rows; i++)
                {
                    var id = i % 100 == 99 ? 4_000_000_000L + i : 3522100000L + i;
                    var nik = i % 200 == 7 ? 3522019999000000 + i : 3522010101800000 + i;
                    await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{id},{nik},Siti Aminah {i},Ngraho,{(i % 50 == 3 ? "Graduasi Mandiri" : "Aktif")},-"));
                }
            }
            var sw = Stopwatch.StartNew();
            var file = Reconciliation.OfficialList.Read(list, 1L << 30);
            var result = await services.GetRequiredService<Reconciliation.Reconciler>().ReconcileAsync(file, "official-list.csv", null, ct);
            var s = sw.Elapsed.TotalSeconds;
            var t = result.Total;
            return new("import", $"reconcile {rows:N0} rows", s, "s", rows >= 60_000 ? 10.0 : null, false,
                Note: $"in_both {t.InBoth:N0}, only_in_file {t.OnlyInFile:N0}, only_in_database {t.OnlyInDatabase:N0}, status_differs {t.StatusDiffers:N0}, nik_differs {t.NikDiffers:N0}");
        }
        finally
        {
            try { File.Delete(list); } catch (IOException) { }
        }
    }
}
