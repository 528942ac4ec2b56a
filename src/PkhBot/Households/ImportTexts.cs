namespace PkhBot.Households;

/// <summary>Every Indonesian sentence of the roster import, export and demo seeding.</summary>
public static class ImportTexts
{
    public static string FileNotFound(string path) => $"File tidak ditemukan: {path}";
    public static string FileTooLarge(long size, long max)
        => $"File terlalu besar ({size / 1_048_576.0:0.#} MB; batas {max / 1_048_576} MB). Pecah file per kecamatan, atau naikkan batas dengan setelan Import:MaxFileMegabytes.";
    public const string FileEmpty = "File kosong.";
    public const string OldExcel = "Format .xls (Excel 97-2003) tidak didukung. Simpan ulang sebagai .xlsx atau CSV UTF-8 lalu impor lagi.";
    public static string UnknownFormat(string ext) => $"Format file '{ext}' tidak dikenal. Gunakan .csv (UTF-8) atau .xlsx.";
    public static string Unreadable(string ext, string error) => $"File {ext} tidak bisa dibaca (rusak atau bukan {ext} sungguhan: {error}). Simpan ulang dari Excel lalu coba lagi.";
    public const string NotUtf8 = "File bukan UTF-8; dibaca sebagai Windows-1252 (ANSI). Periksa nama yang memakai huruf khusus, atau simpan ulang sebagai \"CSV UTF-8\".";
    public static string DuplicateColumn(string name) => $"Kolom '{name}' muncul dua kali di baris judul. Hapus salah satunya.";
    public static string MissingColumns(IEnumerable<string> names, IEnumerable<string> required)
        => $"Kolom wajib tidak ada di baris judul: {string.Join(", ", names)}. Baris judul harus memuat: {string.Join(",", required)}.";
    public static string ExtraColumns(IEnumerable<string> names) => $"Kolom tambahan diabaikan: {string.Join(", ", names)}.";

    public const string MissingId = "id_kpm kosong";
    public static string IdTooLong(int max) => $"id_kpm lebih dari {max} karakter";
    /// <summary>Why a NIK is refused, in terms the operator can act on; the NIK itself is never echoed (UU PDP).</summary>
    public static string BadNik(string nik)
    {
        if (nik.Length == 0) return "NIK kosong";
        // Excel turns a 16-digit NIK into a number: 3.52201E+15, its last digits already lost.
        if (nik.Contains("E+", StringComparison.OrdinalIgnoreCase))
            return "NIK berubah jadi angka (…E+15) oleh Excel dan digit terakhirnya hilang; format kolom NIK sebagai Teks, isi ulang NIK, lalu impor lagi";
        if (nik.All(char.IsAsciiDigit)) return $"NIK harus 16 angka (terisi {nik.Length} angka)";
        return "NIK harus 16 angka (ada huruf atau tanda lain)";
    }
    public static string NumericNik(int rows)
        => $"{rows} NIK tersimpan sebagai angka, bukan teks: Excel hanya menyimpan 15 digit, jadi digit ke-16 bisa berubah jadi 0. " +
           "Periksa NIK yang berakhiran 0, dan format kolom NIK sebagai Teks untuk berikutnya.";
    public const string MissingName = "nama_pengurus kosong";
    public static string Formula(string column) => $"{column} diawali = + - @ (terlihat seperti rumus spreadsheet); perbaiki isinya";
    public static string UnknownKecamatan(string name) => $"kecamatan '{name}' tidak dikenal di Kabupaten Bojonegoro";
    public const string MissingKecamatan = "kecamatan kosong";
    public static string UnknownDesa(string desa, string kecamatan) => $"desa '{desa}' tidak ditemukan di Kec. {kecamatan}; rumah tangga diimpor tanpa desa";
    public static string BadCount(string column, string value) => $"{column} harus angka 0-{RosterImporter.MaxKomponen} (isi: '{value}')";
    public static string BadStatus(string value) => $"status '{value}' tidak dikenal (pakai: aktif, graduasi_mandiri, graduasi_alamiah, nonaktif)";
    public static string DuplicateId(string idKpm, IEnumerable<int> otherLines) => $"id_kpm {idKpm} ganda, juga di baris {string.Join(", ", otherLines)}";
    public static string DuplicateNik(IEnumerable<int> otherLines) => $"NIK ganda, juga di baris {string.Join(", ", otherLines)}";
    public static string TooLong(string column, int max) => $"{column} lebih dari {max} karakter";

    public static string Summary(ImportResult r)
        => $"Selesai{(r.DryRun ? " (uji coba, tidak ada yang disimpan)" : "")}: {r.Total} baris; ditambah {r.Added}, diperbarui {r.Updated}, tidak berubah {r.Unchanged}, ditolak {r.Rejected}. " +
           $"Pendamping baru {r.PendampingAdded}, diperbarui {r.PendampingUpdated}.";
    public static string RejectedHeader(int n) => $"{n} baris ditolak (baris lain tetap diproses; perbaiki baris ini lalu impor ulang file yang sama):";
    /// <summary>Reasons quote cell values; a NIK or phone number typed in the wrong column is still masked.</summary>
    public static string Line(int line, string reason) => $"  Baris {line}: {Privacy.Mask.Text(reason)}";
    public static string PendampingConflict(string kode, int firstLine) => $"pendamping_kode {kode}: nama/HP berbeda dengan baris {firstLine}; yang dipakai data baris {firstLine}";
    public const string Reading = "Membaca file";
    public const string Saving = "Menyimpan";
}
