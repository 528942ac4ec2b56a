using MiniExcelLibs;
using PkhBot.Households;

namespace PkhBot.Reconciliation;

/// <summary>
/// The XLSX for a coordinator: a summary sheet (totals and per kecamatan) and one sheet per group listing its
/// households. NIK masked; text cells guarded against formulas; the file is readable by its owner only.
/// </summary>
public static class ReconciliationWorkbook
{
    public static void Write(string path, ReconciliationResult r)
    {
        var sheets = new Dictionary<string, object>
        {
            ["ringkasan"] = Summary(r),
            ["in_both"] = Rows(r.Rows.Where(x => x.InFile && x.InDatabase)),
            ["only_in_file"] = Rows(r.Rows.Where(x => x.InFile && !x.InDatabase)),
            ["only_in_database"] = Rows(r.Rows.Where(x => !x.InFile)),
            ["status_differs"] = Rows(r.Rows.Where(x => x.StatusDiffers)),
            ["nik_differs"] = Rows(r.Rows.Where(x => x.NikDiffers)),
        };
        using var stream = Privacy.OwnerOnlyFile.Create(path);
        stream.SaveAs(sheets);
    }

    private static List<Dictionary<string, object?>> Summary(ReconciliationResult r)
    {
        var list = new List<Dictionary<string, object?>> { Line("(semua)", r.Total) };
        list.AddRange(r.Kecamatan.Select(k => Line(k.Name, k.Counts)));
        return list;
    }

    private static Dictionary<string, object?> Line(string kecamatan, GroupCounts c) => new()
    {
        ["kecamatan"] = Text(kecamatan),
        ["in_both"] = c.InBoth,
        ["only_in_file"] = c.OnlyInFile,
        ["only_in_database"] = c.OnlyInDatabase,
        ["status_differs"] = c.StatusDiffers,
        ["nik_differs"] = c.NikDiffers,
    };

    private static IEnumerable<Dictionary<string, object?>> Rows(IEnumerable<ReconciledRow> rows)
    {
        var any = false;
        foreach (var x in rows)
        {
            any = true;
            yield return Row(x);
        }
        // MiniExcel writes no header for an empty sheet: one empty row keeps the columns readable.
        if (!any) yield return Row(null);
    }

    private static Dictionary<string, object?> Row(ReconciledRow? x) => new()
    {
        ["id_kpm"] = Text(x?.IdKpm),
        ["nama_pengurus_daftar"] = Text(x?.NamaInFile),
        ["nama_pengurus_bot"] = Text(x?.NamaInDatabase),
        ["kecamatan"] = Text(x?.Kecamatan),
        ["desa"] = Text(x?.Desa),
        ["status_daftar"] = Text(x?.StatusInFile),
        ["status_bot"] = Text(x?.StatusInDatabase),
        ["nik_daftar"] = x?.MaskedNikInFile,
        ["nik_bot"] = x?.MaskedNikInDatabase,
        ["baris_daftar"] = x?.Line,
    };

    private static string Text(string? s) => Spreadsheet.Neutralize(s ?? "") ?? "";
}
