using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>Every sentence of the hand-off of a question to a person (offer, forward, /jawab, /pertanyaan).</summary>
internal static class HandoffTexts
{
    public const string HandoffOffer = "Mau saya teruskan pertanyaan ini ke pendamping PKH? Nomor NIK dan HP tidak ikut dikirim.";
    public const string HandoffNotFound = "Pertanyaan itu tidak ditemukan atau sudah diteruskan.";
    public const string HandoffNobody = "Maaf, belum ada pendamping atau koordinator yang terdaftar untuk wilayah Anda. Silakan hubungi pendamping PKH langsung, Dinas Sosial, atau call center Kemensos 171.";
    public const string HandoffDeclined = "Baik, tidak diteruskan. Anda bisa bertanya langsung ke pendamping PKH atau call center 171.";
    public const string JawabUsage = "Cara menjawab: <code>/jawab NO jawaban</code>, mis. <code>/jawab 12 Pencairan tahap 4 mulai Senin di kantor pos.</code>";
    public const string JawabNotYours = "Pertanyaan itu tidak ditemukan di daftar Anda. Cek nomornya.";
    public const string JawabAlready = "Pertanyaan itu sudah dijawab.";
    public const string NoOpenQuestions = "Tidak ada pertanyaan KPM yang menunggu jawaban.";

    /// <summary>The asker has reached Knowledge:HandoffsPerDay: where else to ask.</summary>
    public static string HandoffLimit(int perDay)
        => $"Hari ini Anda sudah meneruskan {perDay} pertanyaan ke petugas; itu batas harian. Untuk pertanyaan lain, tanyakan langsung ke pendamping PKH di desa Anda, " +
           "hubungi call center Kemensos 171, atau cek status bantuan di cekbansos.kemensos.go.id. Besok Anda bisa meneruskan pertanyaan lagi.";

    public static string HandoffSent(int id) => $"Pertanyaan Anda (No. {id}) sudah diteruskan. Jawaban akan dikirim ke sini.";

    /// <param name="verified">False for anyone whose identity the bot never checked (every KPM): staff must not take who they say they are on trust.</param>
    public static string HandoffToStaff(int id, string? desa, string question, bool verified)
        => $"<b>Pertanyaan KPM No. {id}</b>{(desa is null ? "" : $" (Desa {Html.Escape(desa)})")}:\n{Html.Escape(question)}\n\n"
           + (verified ? "" : "⚠️ Penanya <b>belum terverifikasi</b>: bot tidak memeriksa identitasnya. Jangan kirim data pribadi keluarga mana pun lewat jawaban ini.\n\n")
           + $"Balas dengan: <code>/jawab {id} jawaban Anda</code>";

    public static string AnswerToKpm(int id, string question, string answer)
        => $"<b>Jawaban untuk pertanyaan Anda (No. {id})</b>\n<i>{Html.Escape(Truncate(question, 200))}</i>\n\n{Html.Escape(answer)}";

    public static string AnswerDelivered(int id) => $"Jawaban untuk pertanyaan No. {id} sudah dikirim ke KPM.";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
