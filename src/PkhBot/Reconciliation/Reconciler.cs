using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Privacy;

namespace PkhBot.Reconciliation;

/// <summary>
/// Compares an official list with the roster by ID KPM, in memory (a kabupaten is ~60,000 rows: one read of the
/// households, no query per row). Reads only; what it records is the summary (<see cref="ReconciliationLog"/>).
/// A household belongs to its kecamatan in the database; a row only in the list, to the list's kecamatan.
/// </summary>
public sealed class Reconciler(PkhDbContext db)
{
    private sealed record Known(string IdKpm, string Nik, string Nama, int KecamatanId, string Kecamatan, string? Desa, HouseholdStatus Status);

    public async Task<ReconciliationResult> ReconcileAsync(OfficialListFile list, string fileName, int? kecamatanId, CancellationToken ct)
    {
        var wilayah = await WilayahIndex.LoadAsync(db, ct);
        var known = await db.Households.AsNoTracking()
            .Select(h => new Known(h.IdKpm, h.Nik, h.NamaPengurus, h.KecamatanId, h.Kecamatan!.Nama, h.Desa != null ? h.Desa.Nama : null, h.Status))
            .ToListAsync(ct);
        var byId = new Dictionary<string, Known>(known.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var k in known) byId.TryAdd(k.IdKpm.Trim(), k);

        var rows = new List<ReconciledRow>(Math.Max(known.Count, list.Rows.Count));
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknownStatus = 0;
        foreach (var r in list.Rows)
        {
            listed.Add(r.IdKpm);
            var status = OfficialStatuses.Parse(r.Status);
            if (status == OfficialStatus.Unknown && r.Status.Length > 0) unknownStatus++;
            if (byId.TryGetValue(r.IdKpm, out var k))
            {
                rows.Add(new ReconciledRow(k.IdKpm, r.NamaPengurus, k.Nama, k.KecamatanId, k.Kecamatan, k.Desa,
                    r.Status, HouseholdExporter.StatusText(k.Status), Mask.Nik(r.Nik), Mask.Nik(k.Nik), r.Line,
                    OfficialStatuses.Differs(status, k.Status), NikComparison.Differs(r.Nik, k.Nik)));
            }
            else
            {
                var kec = wilayah.FindKecamatan(r.Kecamatan);
                rows.Add(new ReconciledRow(r.IdKpm, r.NamaPengurus, null, kec?.Id, kec?.Nama ?? Unnamed(r.Kecamatan), null,
                    r.Status, null, Mask.Nik(r.Nik), null, r.Line, false, false));
            }
        }
        foreach (var k in known.Where(k => !listed.Contains(k.IdKpm.Trim())))
        {
            rows.Add(new ReconciledRow(k.IdKpm, null, k.Nama, k.KecamatanId, k.Kecamatan, k.Desa,
                null, HouseholdExporter.StatusText(k.Status), null, Mask.Nik(k.Nik), null, false, false));
        }

        if (kecamatanId is int only) rows = rows.Where(r => r.KecamatanId == only).ToList();
        var perKecamatan = rows.GroupBy(r => (r.KecamatanId, r.Kecamatan))
            .Select(g => new KecamatanCounts(g.Key.KecamatanId, g.Key.Kecamatan, Count(g)))
            .OrderBy(k => k.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var warnings = list.Warnings.ToList();
        if (unknownStatus > 0) warnings.Add(ReconciliationTexts.UnknownStatus(unknownStatus));
        var filter = kecamatanId is int id ? wilayah.Kecamatan.FirstOrDefault(k => k.Id == id).Nama : null;
        return new ReconciliationResult(fileName, filter, list.Rows.Count, Count(rows), perKecamatan, rows, warnings);
    }

    private static string Unnamed(string kecamatan) => kecamatan.Trim() is { Length: > 0 } t ? t : ReconciliationTexts.NoKecamatan;

    private static GroupCounts Count(IEnumerable<ReconciledRow> rows)
    {
        int both = 0, fileOnly = 0, dbOnly = 0, status = 0, nik = 0;
        foreach (var r in rows)
        {
            if (r.InFile && r.InDatabase) both++;
            else if (r.InFile) fileOnly++;
            else dbOnly++;
            if (r.StatusDiffers) status++;
            if (r.NikDiffers) nik++;
        }
        return new GroupCounts(both, fileOnly, dbOnly, status, nik);
    }
}

/// <summary>NIK as lists write it: separators, Excel's apostrophe, and masked digits ('*', 'x') that match any digit.</summary>
public static class NikComparison
{
    public static bool Differs(string? inFile, string? inDatabase)
    {
        var a = Normalize(inFile);
        var b = Normalize(inDatabase);
        // An empty NIK in the list says nothing; one that cannot be compared digit by digit differs.
        if (a.Length == 0) return false;
        if (a.Length != b.Length) return true;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == '*' || b[i] == '*') continue;
            if (a[i] != b[i]) return true;
        }
        return false;
    }

    private static string Normalize(string? nik)
    {
        if (string.IsNullOrWhiteSpace(nik)) return "";
        var chars = new List<char>(16);
        foreach (var c in nik)
        {
            if (char.IsAsciiDigit(c)) chars.Add(c);
            else if (c is '*' or 'x' or 'X') chars.Add('*');
        }
        return new string(chars.ToArray());
    }
}
