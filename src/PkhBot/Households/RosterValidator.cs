using System.Globalization;

namespace PkhBot.Households;

/// <summary>A roster row that passed every check, with its ids resolved.</summary>
public sealed record ValidRow(
    int Line, string IdKpm, string Nik, string Nama, string? Alamat, int KecamatanId, int? DesaId,
    string? PendampingKode, string? PendampingNama, string? PendampingHp, int[] Counts, HouseholdStatus Status);

/// <summary>The row checks, separate from the database work so they can be unit tested.</summary>
public static class RosterValidator
{
    public static List<ValidRow> Validate(IReadOnlyList<RosterRow> rows, WilayahIndex wilayah, ImportResult result)
    {
        var reasons = new Dictionary<int, List<string>>();
        void Reject(RosterRow r, string reason)
        {
            if (!reasons.TryGetValue(r.Line, out var list)) reasons[r.Line] = list = [];
            list.Add(reason);
        }

        // Duplicates inside the file: every row of the group is named, since we cannot know which one is right.
        foreach (var g in rows.Where(r => r[RosterColumns.IdKpm].Length > 0).GroupBy(r => r[RosterColumns.IdKpm], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            foreach (var r in g) Reject(r, ImportTexts.DuplicateId(r[RosterColumns.IdKpm], g.Where(o => o != r).Select(o => o.Line)));
        foreach (var g in rows.Select(r => (Row: r, Nik: CleanNik(r[RosterColumns.Nik]))).Where(x => IsNik(x.Nik)).GroupBy(x => x.Nik).Where(g => g.Count() > 1))
            foreach (var x in g) Reject(x.Row, ImportTexts.DuplicateNik(g.Where(o => o.Row != x.Row).Select(o => o.Row.Line)));

        var valid = new List<ValidRow>(rows.Count);
        foreach (var r in rows)
        {
            var v = Check(r, wilayah, reason => Reject(r, reason), out var warnings);
            if (reasons.TryGetValue(r.Line, out var list))
            {
                result.Errors.Add(new RowProblem(r.Line, string.Join("; ", list)));
                continue;
            }
            result.Warnings.AddRange(warnings.Select(w => new RowProblem(r.Line, w)));
            valid.Add(v!);
        }
        return valid;
    }

    private static ValidRow? Check(RosterRow r, WilayahIndex wilayah, Action<string> reject, out List<string> warnings)
    {
        warnings = [];
        var ok = true;
        void Fail(string reason) { reject(reason); ok = false; }

        var id = r[RosterColumns.IdKpm];
        if (id.Length == 0) Fail(ImportTexts.MissingId);
        else if (id.Length > 32) Fail(ImportTexts.IdTooLong(32));

        var nik = CleanNik(r[RosterColumns.Nik]);
        if (!IsNik(nik)) Fail(ImportTexts.BadNik(nik));

        var nama = r[RosterColumns.NamaPengurus];
        if (nama.Length == 0) Fail(ImportTexts.MissingName);
        CheckText(nama, "nama_pengurus", 150, Fail);
        var alamat = r[RosterColumns.Alamat];
        CheckText(alamat, "alamat", 300, Fail);
        var pNama = r[RosterColumns.PendampingNama];
        CheckText(pNama, "pendamping_nama", 150, Fail);
        var pKode = r[RosterColumns.PendampingKode];
        CheckText(pKode, "pendamping_kode", 32, Fail);
        var pHp = r[RosterColumns.PendampingHp];
        if (pHp.Length > 0 && (pHp.Length > 32 || !pHp.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            Fail("pendamping_hp bukan nomor telepon");

        int kecamatanId = 0;
        int? desaId = null;
        var kecName = r[RosterColumns.Kecamatan];
        if (kecName.Length == 0) Fail(ImportTexts.MissingKecamatan);
        else if (wilayah.FindKecamatan(kecName) is not { } kec) Fail(ImportTexts.UnknownKecamatan(kecName));
        else
        {
            kecamatanId = kec.Id;
            var desa = r[RosterColumns.Desa];
            desaId = wilayah.FindDesa(kec.Id, desa);
            if (desaId is null) warnings.Add(desa.Length == 0 ? "desa kosong" : ImportTexts.UnknownDesa(desa, kec.Nama));
        }

        var counts = new int[RosterColumns.Komponen.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var col = RosterColumns.Komponen[i];
            var text = r[col];
            if (text.Length == 0) continue;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < 0 || n > RosterImporter.MaxKomponen)
                Fail(ImportTexts.BadCount(RosterColumns.Names[col], text.Length > 20 ? text[..20] : text));
            else counts[i] = n;
        }

        var statusText = r[RosterColumns.Status];
        var status = ParseStatus(statusText);
        if (status is null) Fail(ImportTexts.BadStatus(statusText.Length > 30 ? statusText[..30] : statusText));

        if (!ok) return null;
        return new ValidRow(r.Line, id, nik, nama, alamat.Length == 0 || alamat.All(c => c == '-') ? null : alamat, kecamatanId, desaId,
            pKode.Length == 0 ? null : pKode, pNama.Length == 0 ? null : pNama, pHp.Length == 0 ? null : pHp, counts, status!.Value);
    }

    private static void CheckText(string text, string column, int max, Action<string> fail)
    {
        if (Spreadsheet.IsSuspiciousCell(text)) fail(ImportTexts.Formula(column));
        else if (text.Length > max) fail(ImportTexts.TooLong(column, max));
    }

    /// <summary>Excel users type a leading ' to keep NIK as text; spaces creep in when copying.</summary>
    public static string CleanNik(string nik) => nik.Trim().TrimStart('\'').Replace(" ", "");

    public static bool IsNik(string nik) => nik.Length == 16 && nik.All(char.IsAsciiDigit);

    /// <summary>Empty means aktif; "Graduasi Mandiri" and "graduasi-mandiri" are accepted too.</summary>
    public static HouseholdStatus? ParseStatus(string text) => text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
    {
        "" or "aktif" => HouseholdStatus.Aktif,
        "graduasi_mandiri" => HouseholdStatus.GraduasiMandiri,
        "graduasi_alamiah" => HouseholdStatus.GraduasiAlamiah,
        "nonaktif" or "non_aktif" => HouseholdStatus.Nonaktif,
        _ => null,
    };
}
