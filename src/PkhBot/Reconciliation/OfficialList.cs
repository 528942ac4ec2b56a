using PkhBot.Households;

namespace PkhBot.Reconciliation;

/// <param name="Line">1-based line (CSV) or row (XLSX), as the user sees it.</param>
public sealed record OfficialRow(int Line, string IdKpm, string Nik, string NamaPengurus, string Kecamatan, string Status);

/// <summary>The rows of an official list, or why the file as a whole cannot be used.</summary>
public sealed record OfficialListFile(IReadOnlyList<OfficialRow> Rows, IReadOnlyList<string> Warnings, string? Error);

/// <summary>
/// A recipient list from Kemensos / SIKS-NG / DTSEN, in the roster's header: at least the five columns below, any
/// order, extra columns ignored. Read by the roster's reader (CSV with its separator and encoding detection, XLSX).
/// </summary>
public static class OfficialList
{
    public static readonly string[] Columns = ["id_kpm", "nik", "nama_pengurus", "kecamatan", "status"];
    private const int IdKpm = 0, Nik = 1, Nama = 2, Kecamatan = 3, Status = 4;

    public static OfficialListFile Read(string path, long maxBytes)
    {
        var file = RosterReader.Read(path, maxBytes, new TableShape(Columns, Nik, WarnOnExtraColumns: false));
        if (file.Error is not null) return new([], [], file.Error);
        var warnings = file.Warnings.ToList();
        var rows = new List<OfficialRow>(file.Rows.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int noId = 0, repeated = 0;
        foreach (var r in file.Rows)
        {
            var id = r[IdKpm].Trim();
            if (id.Length == 0) { noId++; continue; }
            if (!seen.Add(id)) { repeated++; continue; }
            rows.Add(new OfficialRow(r.Line, id, r[Nik], r[Nama], r[Kecamatan], r[Status]));
        }
        if (noId > 0) warnings.Add(ReconciliationTexts.RowsWithoutId(noId));
        if (repeated > 0) warnings.Add(ReconciliationTexts.RepeatedIds(repeated));
        if (rows.Count == 0 && file.Rows.Count == 0) warnings.Add(ReconciliationTexts.NoRows);
        return new(rows, warnings, null);
    }
}
