using System.Text;
using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Referrals;

/// <summary>Every sentence of referrals, for the pendamping, the mitra and the coordinator.</summary>
public static class ReferralTexts
{
    public const string AskHousehold = "<b>Rujuk KPM ke mitra.</b> Tulis ID KPM-nya (lihat /kpm atau /cari).";
    public const string AskNote = "Tulis catatan singkat untuk mitra: apa yang dibutuhkan keluarga ini (mis. <i>butuh modal untuk gerobak</i>).";
    public const string NoteTooShort = "Catatannya terlalu pendek. Tulis apa yang dibutuhkan, mis. <i>butuh pelatihan menjahit</i>.";
    public const string Cancelled = "Rujukan dibatalkan. Tidak ada yang dikirim.";
    public const string Expired = "Rujukan ini sudah tidak berlaku. Ketik /rujuk untuk mulai lagi.";
    public const string NotFound = "Rujukan dengan nomor itu tidak ditemukan. Ketik /rujukan untuk melihat daftar Anda.";
    public const string HasilUsage = "Catat hasil rujukan: <code>/hasil NO catatan</code>, mis. <code>/hasil 12 ikut pelatihan 3 hari</code>. Nomor ada di /rujukan.";
    public const string MitraNotRegistered = "Akun mitra Anda belum terhubung ke katalog mitra. Hubungi admin Dinas Sosial.";

    public static string HouseholdNotFound(string id) => $"KPM {Html.Escape(id)} tidak ada di daftar Anda. Cek ID-nya di /kpm atau cari nama dengan /cari.";

    public static string UnknownMitra(string? code, IEnumerable<Mitra> all)
        => (string.IsNullOrWhiteSpace(code) ? "Pilih mitra" : $"Mitra '{Html.Escape(code)}' tidak dikenal. Pilih") +
           ": " + string.Join(", ", all.Select(m => $"<b>{Html.Escape(m.Code)}</b> ({Html.Escape(m.Name)})")) + ".";

    public static string ChooseMitra(string nama) => $"<b>{Html.Escape(nama)}</b>: dirujuk ke mitra mana?";

    public static string AlreadyOpen(int id, Mitra mitra, ReferralStatus status)
        => $"KPM ini sudah dirujuk ke {Html.Escape(mitra.Name)} (#{id}, {StatusName(status)}). Tunggu jawabannya, atau lihat /rujukan.";

    public static string Confirm(string nama, string desa, Mitra mitra, string note)
        => $"<b>Kirim rujukan?</b>\nKPM: {Html.Escape(nama)} ({Html.Escape(desa)})\nKe: {Html.Escape(mitra.Name)}\nCatatan: {Html.Escape(note)}\n\n" +
           "Mitra hanya melihat nama, desa, usaha dan catatan ini; tidak melihat NIK, nomor HP atau alamat.";

    public static string Sent(int id, Mitra mitra, int officers)
        => officers > 0
            ? $"✅ Rujukan #{id} terkirim ke {Html.Escape(mitra.Name)}. Anda akan diberi tahu saat mitra menjawab."
            : $"✅ Rujukan #{id} tersimpan untuk {Html.Escape(mitra.Name)}. Belum ada petugas mitra ini di bot; mereka melihatnya di /rujukan saat bergabung. Minta admin mengundang mereka.";

    /// <summary>What the mitra receives: name, desa, business, note; never NIK, phone or address.</summary>
    public static string ToMitra(int id, string nama, string desa, string kecamatan, string? business, string note, string pendamping)
    {
        var sb = new StringBuilder($"📨 <b>Rujukan #{id}</b> dari pendamping {Html.Escape(pendamping)}\n");
        sb.Append("KPM: ").Append(Html.Escape(nama)).Append('\n');
        sb.Append("Desa: ").Append(Html.Escape(desa)).Append(", Kec. ").Append(Html.Escape(kecamatan)).Append('\n');
        sb.Append("Usaha: ").Append(business is null ? "(belum ada laporan usaha)" : Html.Escape(business)).Append('\n');
        sb.Append("Catatan: ").Append(Html.Escape(note)).Append("\n\n");
        sb.Append("Terima atau tolak dengan tombol. Setelah ditangani, catat hasilnya: <code>/hasil ").Append(id).Append(" catatan</code>.");
        return sb.ToString();
    }

    public static string AcceptedToMitra(int id) => $"Rujukan #{id} Anda terima. Catat hasilnya nanti dengan <code>/hasil {id} catatan</code>.";
    public static string DeclinedToMitra(int id) => $"Rujukan #{id} Anda tolak. Pendamping sudah diberi tahu.";
    public static string AlreadyAnswered(int id, ReferralStatus status) => $"Rujukan #{id} sudah {StatusName(status)}.";
    public static string OutcomeSaved(int id) => $"✅ Hasil rujukan #{id} tersimpan. Pendamping sudah diberi tahu. Terima kasih.";

    public static string AcceptedToPendamping(int id, string nama, Mitra mitra) => $"👍 {Html.Escape(mitra.Name)} menerima rujukan #{id} ({Html.Escape(nama)}).";
    public static string DeclinedToPendamping(int id, string nama, Mitra mitra)
        => $"✋ {Html.Escape(mitra.Name)} menolak rujukan #{id} ({Html.Escape(nama)}). Coba rujuk ke mitra lain dengan /rujuk.";
    public static string OutcomeToPendamping(int id, string nama, Mitra mitra, string outcome)
        => $"📋 Hasil rujukan #{id} ({Html.Escape(nama)}) dari {Html.Escape(mitra.Name)}: {Html.Escape(outcome)}";

    public static string StatusName(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "menunggu jawaban mitra",
        ReferralStatus.Accepted => "diterima",
        ReferralStatus.Declined => "ditolak",
        _ => "selesai",
    };

    public static string CardLine(int id, string mitra, ReferralStatus status, DateTimeOffset at, string? outcome)
        => $"• #{id} {Html.Escape(mitra)}: {StatusName(status)} ({Wib.Date(at)})" + (outcome is null ? "" : $", hasil: {Html.Escape(outcome)}");

    public const string ListEmptyMitra = "Belum ada rujukan untuk instansi Anda.";
    public const string ListEmptyPendamping = "Anda belum merujuk KPM. Rujuk dengan /rujuk.";
    public static string ListHeaderMitra(string mitra, int open) => $"<b>Rujukan untuk {Html.Escape(mitra)}</b>: {open} terbuka";
    public static string ListHeaderPendamping(int total) => $"<b>Rujukan Anda</b> (terbaru, {total} seluruhnya)";
    public static string ListLine(int id, string nama, string desa, ReferralStatus status, string? mitra = null)
        => $"• #{id} {Html.Escape(nama)} ({Html.Escape(desa)})" + (mitra is null ? "" : $" → {Html.Escape(mitra)}") + $": {StatusName(status)}";

    public static string NudgeMitra(int id, string nama, int days)
        => $"⏰ <b>Rujukan #{id} belum dijawab</b> ({Html.Escape(nama)}, {days} hari). Terima atau tolak dengan tombol di bawah, lalu catat hasilnya dengan <code>/hasil {id} catatan</code>.";

    public static string EscalateCoordinator(int id, string nama, string kecamatan, Mitra mitra, int days)
        => $"⚠️ <b>Rujukan #{id} belum dijawab {days} hari</b>\nKPM {Html.Escape(nama)} (Kec. {Html.Escape(kecamatan)}) dirujuk ke {Html.Escape(mitra.Name)}. " +
           "Mohon dibantu menghubungi mitra tersebut.";
}
