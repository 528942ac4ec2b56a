using System.Globalization;
using PkhBot.Conversation;

namespace PkhBot.Onboarding;

/// <summary>Every sentence of onboarding (/start, invites, phone check), in plain Indonesian.</summary>
public static class OnboardingTexts
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static string WibTime(DateTimeOffset t) => t.ToOffset(Wib).ToString("d MMM yyyy 'pukul' HH:mm 'WIB'", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>The welcome and privacy notice for a KPM: what the bot keeps, truthfully (see README "Personal data").</summary>
    public static string PublicWelcome(int retentionDays) =>
        "Selamat datang di layanan informasi <b>PKH Kabupaten Bojonegoro</b>.\n\n" +
        "Silakan langsung ketik pertanyaan Anda, misalnya:\n" +
        "• <i>Kapan bantuan PKH tahap berikutnya cair?</i>\n" +
        "• <i>Anak SD dapat bantuan berapa?</i>\n" +
        "• <i>Kartu KKS saya hilang, bagaimana mengurusnya?</i>\n\n" +
        "Bot ini hanya menjawab pertanyaan umum dan tidak menampilkan data keluarga siapa pun. " +
        "<b>Yang disimpan:</b> ID dan nama akun Telegram Anda, desa yang Anda pilih lewat /desa, dan pertanyaan yang Anda setujui untuk diteruskan ke petugas beserta jawabannya. " +
        $"Pesan Anda dan balasan bot dihapus otomatis setelah {retentionDays} hari; NIK dan nomor HP yang terketik disamarkan. " +
        "Jangan kirim NIK, nomor KKS atau PIN di sini. Untuk urusan data keluarga Anda, hubungi pendamping PKH di desa Anda. Ketik /bantuan untuk daftar perintah.";

    public static string WrongCode(int triesLeft)
        => $"Kode undangan tidak dikenal. Periksa lagi tautan dari admin atau koordinator (salin utuh; huruf besar dan kecil berbeda). Sisa percobaan: {triesLeft}.";
    public const string UsedCode = "Kode undangan ini <b>sudah dipakai</b>. Setiap kode hanya berlaku satu kali. Minta kode baru ke admin atau koordinator PKH.";
    public const string RevokedCode = "Kode undangan ini <b>sudah dicabut</b> oleh admin. Minta kode baru ke admin atau koordinator PKH.";
    public const string ExpiredCode = "Kode undangan ini <b>sudah kedaluwarsa</b> (kode berlaku 7 hari). Minta kode baru ke admin atau koordinator PKH.";
    public const string PrivateChatOnly = "Kode undangan hanya bisa dipakai di chat pribadi dengan bot, bukan di grup. Buka tautan undangan dari chat pribadi Anda.";
    public const string InviteNoLongerValid = "Undangan ini tidak berlaku lagi (data pendamping atau koordinatornya sudah dihapus). Minta kode baru ke admin.";
    public static string Blocked(DateTimeOffset until)
        => $"Terlalu banyak kode yang salah. Demi keamanan, coba lagi setelah {WibTime(until)}. Pastikan Anda memakai tautan undangan yang utuh.";

    public static string AlreadyBound(string who, bool sentCode)
        => $"Anda sudah terdaftar sebagai {who}." + (sentCode ? " Kode undangan tidak dipakai dan peran Anda tidak berubah." : "") + " Ketik /bantuan untuk melihat perintah Anda.";

    public static string Welcome(string who, IEnumerable<CommandSpec> commands, bool isPendamping, bool phoneRequired = true)
    {
        var lines = commands.Where(c => c.Name != "bantuan").Take(8).Select(c => $"/{c.Name} - {Html.Escape(c.Description)}");
        var text = $"Selamat datang, {who}! Akun Telegram Anda sudah terhubung.\n\n<b>Perintah utama:</b>\n{string.Join("\n", lines)}\n\nKetik /bantuan untuk daftar lengkap.";
        if (isPendamping)
        {
            text += phoneRequired
                ? "\n\n<b>Satu langkah lagi:</b> tekan tombol <b>Kirim nomor HP saya</b> di bawah. Data KPM baru bisa dibuka setelah nomor HP Anda cocok dengan data pendamping."
                : "\n\nAgar data Anda aman, tekan tombol <b>Kirim nomor HP saya</b> di bawah untuk mencocokkan nomor dengan data pendamping.";
        }
        return text;
    }

    public const string ShareContactButton = "📱 Kirim nomor HP saya";

    public const string PhoneCheckRequired =
        "Nomor HP Anda belum diverifikasi. Tekan tombol <b>Kirim nomor HP saya</b> di bawah (di chat pribadi dengan bot); " +
        "data KPM baru bisa dibuka atau diubah setelah nomor itu cocok dengan data pendamping. Pertanyaan program tetap bisa lewat /tanya.";
    public const string PhoneCheckToast = "Verifikasi nomor HP dulu";

    /// <summary>Sent through the outbox when an operator revokes someone's access (`users revoke`).</summary>
    public const string AccessRevoked =
        "Akses Anda sebagai petugas PKH di bot ini <b>telah dicabut</b> oleh admin. Anda tidak lagi bisa membuka data KPM. " +
        "Jika ini keliru, hubungi admin PKH kabupaten. Pertanyaan umum tentang PKH tetap bisa diketik di sini.";

    public static string Pendamping(string nama, string kode) => $"pendamping <b>{Html.Escape(nama)}</b> (kode {Html.Escape(kode)})";
    public static string Koordinator(string nama, string scope) => $"koordinator <b>{Html.Escape(nama)}</b> ({Html.Escape(scope)})";
    public const string Admin = "<b>admin</b> kabupaten";
    public const string Pemantau = "<b>pemantau</b> wilayah (camat / kepala desa): angka /rekap dan /ppse wilayah Anda, tanpa nama KPM";
    public static string Mitra(string code) => $"<b>mitra</b> {Html.Escape(code)}: Anda menerima rujukan KPM dari pendamping";
    public const string WholeKabupaten = "seluruh Kabupaten Bojonegoro";

    public const string ContactNotNeeded = "Terima kasih. Nomor HP hanya diperlukan untuk verifikasi pendamping; Anda tidak perlu mengirimnya.";
    public const string ContactNotYours = "Kirim nomor HP Anda sendiri lewat tombol <b>Kirim nomor HP saya</b>, bukan kontak orang lain.";
    public const string ContactNoRosterPhone = "Nomor HP Anda belum tercatat di data pendamping. Minta admin kabupaten melengkapi kolom pendamping_hp di roster.";
    public static string ContactMatched(string masked) => $"Nomor {masked} cocok dengan data pendamping. Terima kasih, akun Anda sudah terverifikasi.";
    public static string ContactMismatch(string masked)
        => $"Nomor {masked} tidak sama dengan nomor di data pendamping. Pastikan Anda memakai nomor yang terdaftar, atau minta admin kabupaten memperbaiki data.";
}
