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
            return
            [
                new(Area, "total", s, "s", rows >= 10_000 ? 15.0 * rows / 100_000 : null, false, Note: note),
                new(Area, "rows/s", imported / s, "rows/s", rows >= 10_000 ? 100_000 / 15.0 : null, true),
                new(Area, "peak working set", peak, "MB", null, false, Note: "whole process"),
            ];
        }
        finally
        {
            await app.DisposeAsync();
            BenchHost.DeleteDb(db);
            try { File.Delete(csv); } catch (IOException) { }
        }
    }
}
