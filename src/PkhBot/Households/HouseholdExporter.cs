using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>
/// Households with their latest report and open follow-ups, to CSV or XLSX. Streams in keyset pages of 2,000, so
/// a whole kabupaten never sits in memory. NIK masked; text cells that a spreadsheet would run as a formula get a '.
/// </summary>
public sealed class HouseholdExporter(PkhDbContext db)
{
    private const int PageSize = 2_000;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static readonly string[] Header =
    [
        "id_kpm", "nik", "nama_pengurus", "alamat", "desa", "kecamatan", "pendamping_kode", "pendamping_nama",
        "ibu_hamil", "anak_usia_dini", "sd", "smp", "sma", "disabilitas_berat", "lansia", "status",
        "laporan_terakhir_tanggal", "laporan_terakhir_kategori", "laporan_terakhir_catatan", "tindak_lanjut_terbuka",
    ];

    public async Task<int> ExportCsvAsync(string path, int? kecamatanId, CancellationToken ct)
    {
        var rows = 0;
        // The file holds names and addresses: 0600 from the start (CsvHelper then writes into it, keeping its mode).
        Privacy.OwnerOnlyFile.Create(path).Dispose();
        await using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default with { WriteByteOrderMark = true });
        csv.WriteHeader(Header);
        await foreach (var row in RowsAsync(kecamatanId is int k ? [k] : null, ct))
        {
            await csv.WriteRecordAsync(row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray(), ct);
            rows++;
        }
        return rows;
    }

    /// <summary>
    /// The same rows as an XLSX into <paramref name="stream"/> (the chat's /ekspor), for the caller's kecamatan (all when
    /// null), at most <paramref name="maxRows"/>: a chat document has a size limit a file on disk does not.
    /// </summary>
    public (int Rows, bool Capped) WriteXlsx(Stream stream, IReadOnlyCollection<int>? kecamatanIds, int maxRows, CancellationToken ct)
    {
        var rows = 0;
        var capped = false;
        IEnumerable<Dictionary<string, object?>> Sheet()
        {
            foreach (var row in Rows(kecamatanIds))
            {
                ct.ThrowIfCancellationRequested();
                if (rows == maxRows) { capped = true; yield break; }
                rows++;
                yield return ToDictionary(row);
            }
        }
        stream.SaveAs(Sheet(), sheetName: "KPM");
        return (rows, capped);
    }

    private static Dictionary<string, object?> ToDictionary(object?[] row)
    {
        var d = new Dictionary<string, object?>(Header.Length);
        for (var i = 0; i < Header.Length; i++) d[Header[i]] = row[i];
        return d;
    }

    public Task<int> ExportXlsxAsync(string path, int? kecamatanId, CancellationToken ct)
    {
        var rows = 0;
        // MiniExcel pulls the rows while it writes, so pages are read as the file grows.
        IEnumerable<Dictionary<string, object?>> Stream()
        {
            foreach (var row in Rows(kecamatanId is int k ? [k] : null))
            {
                ct.ThrowIfCancellationRequested();
                rows++;
                yield return ToDictionary(row);
            }
        }
        using (var file = Privacy.OwnerOnlyFile.Create(path)) MiniExcel.SaveAs(file, Stream());
        return Task.FromResult(rows);
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(IReadOnlyCollection<int>? kecamatanId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var lastId = 0;
        while (true)
        {
            var page = await PageQuery(kecamatanId, lastId).ToListAsync(ct);
            if (page.Count == 0) yield break;
            var extras = await ExtrasAsync(page, ct);
            foreach (var h in page) yield return ToRow(h, extras);
            lastId = page[^1].Id;
        }
    }

    private IEnumerable<object?[]> Rows(IReadOnlyCollection<int>? kecamatanId)
    {
        var lastId = 0;
        while (true)
        {
            var page = PageQuery(kecamatanId, lastId).ToList();
            if (page.Count == 0) yield break;
            var extras = ExtrasAsync(page, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var h in page) yield return ToRow(h, extras);
            lastId = page[^1].Id;
        }
    }

    internal sealed record Page(int Id, string IdKpm, string Nik, string Nama, string? Alamat, string? Desa, string Kecamatan, string? PKode, string? PNama,
        int IbuHamil, int AnakUsiaDini, int Sd, int Smp, int Sma, int DisabilitasBerat, int Lansia, HouseholdStatus Status);

    private sealed record Latest(DateTimeOffset At, ReportCategory Category, string Note);

    private IQueryable<Page> PageQuery(IReadOnlyCollection<int>? kecamatanIds, int lastId) => PageQuery(db, kecamatanIds, lastId);

    /// <summary>One keyset page of households with their names resolved (also translated for SQL Server in tests).</summary>
    internal static IQueryable<Page> PageQuery(PkhDbContext db, IReadOnlyCollection<int>? kecamatanIds, int lastId)
        => PageOf(kecamatanIds is null ? db.Households.AsNoTracking() : db.Households.AsNoTracking().Where(h => kecamatanIds.Contains(h.KecamatanId)), lastId);

    private static IQueryable<Page> PageOf(IQueryable<Household> households, int lastId)
        => households
            .Where(h => h.Id > lastId)
            .OrderBy(h => h.Id)
            .Take(PageSize)
            .Select(h => new Page(h.Id, h.IdKpm, h.Nik, h.NamaPengurus, h.Alamat, h.Desa!.Nama, h.Kecamatan!.Nama, h.Pendamping!.Kode, h.Pendamping!.Nama,
                h.IbuHamil, h.AnakUsiaDini, h.Sd, h.Smp, h.Sma, h.DisabilitasBerat, h.Lansia, h.Status));

    /// <summary>Latest report and open follow-ups of one page: two range queries instead of a subquery per row.</summary>
    private async Task<(Dictionary<int, Latest> Latest, Dictionary<int, int> Open)> ExtrasAsync(List<Page> page, CancellationToken ct)
    {
        int min = page[0].Id, max = page[^1].Id;
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.HouseholdId >= min && r.HouseholdId <= max && !r.Withdrawn)
            .Select(r => new { r.HouseholdId, r.Id, r.EventAt, r.Category, r.Note })
            .ToListAsync(ct);
        var latest = reports.GroupBy(r => r.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.EventAt).ThenByDescending(r => r.Id).Select(r => new Latest(r.EventAt, r.Category, r.Note)).First());
        var open = (await db.FollowUps.AsNoTracking()
                .Where(f => f.HouseholdId >= min && f.HouseholdId <= max && f.Status == FollowUpStatus.Open)
                .Select(f => f.HouseholdId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return (latest, open);
    }

    private static object?[] ToRow(Page h, (Dictionary<int, Latest> Latest, Dictionary<int, int> Open) extras)
    {
        extras.Latest.TryGetValue(h.Id, out var l);
        return
        [
            Text(h.IdKpm), Privacy.Mask.Nik(h.Nik), Text(h.Nama), Text(h.Alamat), Text(h.Desa), Text(h.Kecamatan), Text(h.PKode), Text(h.PNama),
            h.IbuHamil, h.AnakUsiaDini, h.Sd, h.Smp, h.Sma, h.DisabilitasBerat, h.Lansia, StatusText(h.Status),
            l is null ? "" : l.At.ToOffset(Wib).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            l is null ? "" : l.Category.ToString().ToLowerInvariant(),
            Text(l is null ? "" : Privacy.Mask.Text(l.Note)),
            extras.Open.GetValueOrDefault(h.Id),
        ];
    }

    private static string Text(string? s) => Spreadsheet.Neutralize(s ?? "") ?? "";

    public static string StatusText(HouseholdStatus s) => s switch
    {
        HouseholdStatus.GraduasiMandiri => "graduasi_mandiri",
        HouseholdStatus.GraduasiAlamiah => "graduasi_alamiah",
        HouseholdStatus.Nonaktif => "nonaktif",
        _ => "aktif",
    };
}
