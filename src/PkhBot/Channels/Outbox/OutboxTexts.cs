using System.Globalization;
using PkhBot.Conversation;

namespace PkhBot.Channels.Outbox;

/// <summary>What delivery itself says: to the admins when messages were given up, to a user when a file is too large.</summary>
public static class OutboxTexts
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string GivenUpToAdmins(int count, int hours)
        => $"⚠️ <b>{count.ToString("#,0", Id)} pesan bot tidak terkirim.</b> Pesan itu tertunda lebih dari {hours} jam karena "
           + "Telegram tidak bisa dihubungi dari server, dan tidak akan dikirim lagi. Periksa koneksi internet server dan token bot; "
           + "jumlahnya tercatat di /metrics (pkhbot.messages.expired).";

    public static string AttachmentTooLarge(string fileName, long bytes, long maxBytes)
        => $"Berkas {Html.Bold(fileName)} terlalu besar untuk dikirim lewat Telegram ({Megabytes(bytes)} MB, batasnya "
           + $"{Megabytes(maxBytes)} MB). Persempit datanya (mis. satu kecamatan), atau minta admin mengambilnya langsung dari server.";

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("#,0.#", Id);
}
