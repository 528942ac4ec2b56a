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

    public static string DesaSaved(string desa, string kecamatan) => $"Tersimpan: Desa {Html.Escape(desa)}, Kec. {Html.Escape(kecamatan)}. Desa ini dipakai agar pertanyaan yang Anda teruskan sampai ke pendamping desa Anda.";

}
