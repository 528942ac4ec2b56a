using PkhBot.Conversation;

namespace PkhBot.Announcements;

/// <summary>Every sentence of announcements, opt-out and hand-off.</summary>
internal static class AnnouncementTexts
{
    public const string OptedOut = "Baik, Anda tidak akan menerima pengingat dan pengumuman lagi. Pertanyaan Anda tetap dijawab. Ketik /mulai untuk menyalakan lagi.";
    public const string OptedIn = "Pengingat dan pengumuman dinyalakan lagi. Ketik /berhenti kapan saja untuk mematikannya.";
    public const string AskText = "Tulis isi pengumuman (satu pesan, maks. 1.500 huruf). Ketik <i>batal</i> untuk membatalkan.";
    public const string AskAudience = "Dikirim ke siapa?";
    public const string AskKecamatan = "Pilih kecamatan (bisa lebih dari satu), lalu tekan <b>Selesai</b>.";
    public const string NoKecamatanChosen = "Pilih minimal satu kecamatan dulu.";
    public const string Cancelled = "Pengumuman dibatalkan.";
    public const string TooLong = "Pengumuman terlalu panjang (maks. 1.500 huruf). Persingkat lalu kirim lagi.";
    public const string NoHistory = "Belum ada pengumuman.";
    public const string OutOfScope = "Kecamatan itu di luar wilayah Anda.";
    public const string HandoffOffer = "Mau saya teruskan pertanyaan ini ke pendamping PKH? Nomor NIK dan HP tidak ikut dikirim.";
    public const string HandoffNotFound = "Pertanyaan itu tidak ditemukan atau sudah diteruskan.";
    public const string HandoffNobody = "Maaf, belum ada pendamping atau koordinator yang terdaftar untuk wilayah Anda. Silakan hubungi pendamping PKH langsung, Dinas Sosial, atau call center Kemensos 171.";
    public const string JawabUsage = "Cara menjawab: <code>/jawab NO jawaban</code>, mis. <code>/jawab 12 Pencairan tahap 4 mulai Senin di kantor pos.</code>";
    public const string JawabNotYours = "Pertanyaan itu tidak ditemukan di daftar Anda. Cek nomornya.";
    public const string JawabAlready = "Pertanyaan itu sudah dijawab.";
    public const string AskDesaKecamatan = "Anda tinggal di kecamatan mana?";
    public const string AskDesa = "Pilih desa/kelurahan Anda:";

    public static string Audience(string audience) => audience == "kpm" ? "KPM" : "pendamping";

    public static string Preview(string text, string audience, IEnumerable<string> kecamatan, int recipients, int optedOut)
        => $"<b>{recipients}</b> penerima ({Audience(audience)}, Kec. {Html.Escape(string.Join(", ", kecamatan))})"
           + (optedOut > 0 ? $"; {optedOut} tidak dikirimi karena berhenti berlangganan/tidak terjangkau" : "")
           + $".\n\n{Html.Escape(text)}\n\nKirim sekarang?";

    public static string Queued(int id, int recipients) => $"Pengumuman No. {id} masuk antrean untuk <b>{recipients}</b> penerima. Anda akan menerima laporan setelah terkirim.";

    public static string Scheduled(int id, DateTimeOffset at) => $"Pengumuman No. {id} dijadwalkan {at.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} WIB.";

    public static string Finished(int id, int delivered, int unreachable, int recipients)
        => $"Pengumuman No. {id} selesai: <b>{delivered}</b> terkirim, <b>{unreachable}</b> tidak terjangkau, dari {recipients} penerima.";

    public static string HandoffSent(int id) => $"Pertanyaan Anda (No. {id}) sudah diteruskan. Jawaban akan dikirim ke sini.";

    public static string HandoffToStaff(int id, string? desa, string question)
        => $"<b>Pertanyaan KPM No. {id}</b>{(desa is null ? "" : $" (Desa {Html.Escape(desa)})")}:\n{Html.Escape(question)}\n\nBalas dengan: <code>/jawab {id} jawaban Anda</code>";

    public static string AnswerToKpm(int id, string question, string answer)
        => $"<b>Jawaban untuk pertanyaan Anda (No. {id})</b>\n<i>{Html.Escape(Truncate(question, 200))}</i>\n\n{Html.Escape(answer)}";

    public static string AnswerDelivered(int id) => $"Jawaban untuk pertanyaan No. {id} sudah dikirim ke KPM.";

    public static string DesaSaved(string desa, string kecamatan) => $"Tersimpan: Desa {Html.Escape(desa)}, Kec. {Html.Escape(kecamatan)}. Hanya itu yang kami simpan tentang Anda.";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
