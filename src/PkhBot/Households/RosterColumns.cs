namespace PkhBot.Households;

/// <summary>The roster header (order and case free) and the index of each column in <see cref="RosterRow.Fields"/>.</summary>
public static class RosterColumns
{
    public const int IdKpm = 0, Nik = 1, NamaPengurus = 2, Alamat = 3, Desa = 4, Kecamatan = 5,
        PendampingKode = 6, PendampingNama = 7, PendampingHp = 8,
        IbuHamil = 9, AnakUsiaDini = 10, Sd = 11, Smp = 12, Sma = 13, DisabilitasBerat = 14, Lansia = 15, Status = 16;

    public static readonly string[] Names =
    [
        "id_kpm", "nik", "nama_pengurus", "alamat", "desa", "kecamatan",
        "pendamping_kode", "pendamping_nama", "pendamping_hp",
        "ibu_hamil", "anak_usia_dini", "sd", "smp", "sma", "disabilitas_berat", "lansia", "status",
    ];

    /// <summary>Komponen columns, in the order of <see cref="Names"/> from <see cref="IbuHamil"/>.</summary>
    public static readonly int[] Komponen = [IbuHamil, AnakUsiaDini, Sd, Smp, Sma, DisabilitasBerat, Lansia];

    /// <summary>" ID_KPM\uFEFF" and "Id Kpm" both read as "id_kpm".</summary>
    public static string NormalizeHeader(string? header)
        => (header ?? "").Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_');
}

/// <param name="Line">1-based line (CSV) or row (XLSX) in the file, as the user sees it.</param>
/// <param name="Fields">Raw cell text by <see cref="RosterColumns"/> index, trimmed.</param>
public sealed record RosterRow(int Line, string[] Fields)
{
    public string this[int column] => Fields[column];
}
