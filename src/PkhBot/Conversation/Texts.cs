namespace PkhBot.Conversation;

/// <summary>What the conversation core itself says. Feature texts live in their own feature's Texts class.</summary>
public static class Texts
{
    public const string Error = "Maaf, terjadi gangguan saat memproses pesan Anda. Pesan Anda tersimpan; silakan coba lagi beberapa saat lagi.";
    public const string NotUnderstood = "Maaf, saya belum mengerti. Ketik /bantuan untuk melihat perintah yang bisa dipakai.";
    public const string EmptyMessage = "Pesan kosong. Kirim pertanyaan atau perintah dalam bentuk teks, atau ketik /bantuan.";
    public const string StaleButton = "Tombol ini sudah tidak berlaku. Ketik /bantuan untuk mulai lagi.";
    public const string FlowExpired = "Sesi sebelumnya sudah kedaluwarsa. Silakan mulai lagi.";
    public const string Throttled = "Pesan Anda terlalu banyak dalam satu menit. Tunggu sebentar, lalu kirim lagi.";
    public const string PrivateOnlyToast = "Hanya di chat pribadi";

    /// <summary>In a group: what reads or changes data works only in a private chat (nothing about any household here).</summary>
    public static string PrivateChatOnly(string? link)
        => "Perintah ini hanya bisa dipakai di chat pribadi dengan bot, agar data KPM tidak terlihat anggota grup."
           + (link is null ? " Buka chat pribadi dengan bot, lalu kirim lagi." : $" Buka chat pribadi: {Html.Escape(link)} lalu kirim lagi.");

    public static string UnknownCommand(string command)
        => $"Perintah /{Html.Escape(command)} tidak dikenal. Ketik /bantuan untuk melihat perintah Anda.";

    public static string WrongRole(string command, string allowed)
        => $"Perintah /{Html.Escape(command)} hanya untuk {allowed}. Ketik /bantuan untuk melihat perintah Anda.";

    public static string RoleName(Onboarding.Role role) => role switch
    {
        Onboarding.Role.Pendamping => "pendamping",
        Onboarding.Role.Koordinator => "koordinator",
        Onboarding.Role.Admin => "admin",
        Onboarding.Role.Kpm => "KPM",
        Onboarding.Role.Mitra => "mitra",
        Onboarding.Role.Pemantau => "camat/kepala desa (pemantau)",
        _ => "pengguna umum",
    };
}
