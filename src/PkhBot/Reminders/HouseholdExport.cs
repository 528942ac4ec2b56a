using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>
/// XLSX of a scope's households with their latest report and open follow-ups. NIK masked; any cell a
/// spreadsheet could run as a formula (=, +, -, @, tab, CR) is neutralised with a leading apostrophe.
/// </summary>
public sealed class HouseholdExport(PkhDbContext db)
{
    public sealed record Result(byte[] Xlsx, int Rows, bool Capped);

    public async Task<Result> BuildAsync(IReadOnlyCollection<int>? kecamatanIds, int maxRows, CancellationToken ct)
    {
        var all = kecamatanIds is null;
        var ids = kecamatanIds?.ToList() ?? [];
        var rows = await db.Households.AsNoTracking()
            .Where(h => all || ids.Contains(h.KecamatanId))
            .OrderBy(h => h.KecamatanId).ThenBy(h => h.NamaPengurus).ThenBy(h => h.Id)
            .Take(maxRows + 1)
            .Select(h => new
            {
                h.IdKpm,
                h.Nik,
                h.NamaPengurus,
                Kecamatan = h.Kecamatan!.Nama,
                Desa = h.Desa != null ? h.Desa.Nama : null,
                Pendamping = h.Pendamping != null ? h.Pendamping.Nama : null,
                h.Status,
                h.LastReportAt,
                Last = db.Reports.Where(r => r.HouseholdId == h.Id && !r.Withdrawn).OrderByDescending(r => r.EventAt)
                    .Select(r => new { r.Category, r.Note }).FirstOrDefault(),
                Open = db.FollowUps.Count(f => f.HouseholdId == h.Id && f.Status == FollowUpStatus.Open),
                Next = db.FollowUps.Where(f => f.HouseholdId == h.Id && f.Status == FollowUpStatus.Open).OrderBy(f => f.DueDate)
                    .Select(f => f.Issue).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var capped = rows.Count > maxRows;
        if (capped) rows.RemoveAt(rows.Count - 1);

        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["ID KPM"] = Safe(r.IdKpm),
            ["NIK"] = Privacy.Mask.Nik(r.Nik),
            ["Nama pengurus"] = Safe(r.NamaPengurus),
            ["Kecamatan"] = Safe(r.Kecamatan),
            ["Desa"] = Safe(r.Desa),
            ["Pendamping"] = Safe(r.Pendamping),
            ["Status"] = r.Status.ToString(),
            ["Laporan terakhir"] = r.LastReportAt?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd"),
            ["Kategori"] = r.Last?.Category.ToString(),
            ["Catatan terakhir"] = Safe(Privacy.Mask.Text(r.Last?.Note)),
            ["Tindak lanjut terbuka"] = r.Open,
            ["Tindak lanjut terdekat"] = Safe(r.Next),
        });
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheet, sheetName: "KPM", cancellationToken: ct);
        return new Result(ms.ToArray(), rows.Count, capped);
    }

    /// <summary>Formula injection guard: a cell starting with = + - @ (or tab/CR) is prefixed with '.</summary>
    public static string? Safe(string? value)
        => string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value : "'" + value;
}
