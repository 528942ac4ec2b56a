namespace PkhBot.Knowledge;

/// <summary>
/// "sanggah yang saya kirim sudah diverifikasi belum?", "usulan saya sudah disetujui belum?", "bantuan saya sudah cair
/// belum?": the asker's own case, asked as "sudah ... belum". No document holds it: the honest answer is "belum tahu" with
/// cekbansos and the pendamping, never a rule that shares the words ("sanggahan gugur dalam 14 hari").
/// </summary>
public static class OwnCaseStatus
{
    /// <summary>
    /// "sudah" and "belum" at most three words apart with an event between them (and not the asker), and the asker (or the
    /// asker's place) named somewhere in the question.
    /// </summary>
    public static bool Asks(IReadOnlyList<string> words)
    {
        if (!words.Any(OwnWords.Contains)) return false;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "sudah") continue;
            for (var j = i + 2; j < words.Count && j <= i + 4; j++)
            {
                if (words[j] != "belum") continue;
                var between = words.Skip(i + 1).Take(j - i - 1).ToList();
                // "tetangga sudah cair, saya belum": another person's "sudah" against the asker's "belum" asks why, not whether.
                return between.Any(IsEvent) && !between.Any(OwnWords.Contains);
            }
        }
        return false;
    }

    /// <summary>
    /// "desil saya berapa", "desil keluargaku piro", "nomor kks saya berapa ya": a value of the asker's own record (a rank,
    /// a number, a balance), which no document holds. Not a person's ("anak saya berapa yang dapat" counts children) and
    /// not the family's money (that is the calculator's, or the hint on how to ask for the sum).
    /// </summary>
    public static bool AsksOwnValue(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "berapa") continue;
            var j = i - 1;
            // "desil saya itu kira-kira berapa ya"
            while (j >= 0 && (AnswerFit.Particles.Contains(words[j]) || words[j] is "itu" or "kira" or "kirakira")) j--;
            if (j < 1) continue;
            if (!OwnWords.Contains(words[j])) continue;
            var noun = words[j - 1];
            // "desil keluarga saya": the family is the owner, the value before it.
            if (noun == "keluarga" && j >= 2) noun = words[j - 2];
            if (noun.Length >= 3 && !NotOwnValues.Contains(noun) && !OwnWords.Contains(noun)) return true;
        }
        return false;
    }

    /// <summary>Before "saya berapa" these ask a count of people or the family's money, not a value of the asker's record.</summary>
    private static readonly HashSet<string> NotOwnValues =
    [
        "anak", "cucu", "istri", "suami", "orang", "anggota", "jiwa", "keluarga", "bantuan", "uang", "duit", "dana", "jatah", "pkh",
        "nominal", "besaran", "pencairan", "dapat", "terima", "nerima", "yang", "sing", "umur", "usia", "tahap", "kalau", "jadi",
    ];

    /// <summary>"cair", "masuk", "turun", or a passive verb ("diverifikasi", "disetujui", "diproses"): something that happens to a case.</summary>
    private static bool IsEvent(string word)
        => EventWords.Contains(word) || (word.Length >= 6 && word.StartsWith("di", StringComparison.Ordinal) && !NotPassive.Contains(word));

    private static readonly HashSet<string> EventWords = ["cair", "masuk", "turun", "keluar", "terdaftar", "diterima", "ditransfer", "sampai"];

    /// <summary>Words that begin with "di" and are no passive verb.</summary>
    private static readonly HashSet<string> NotPassive = ["dinsos", "disabilitas", "dinas"];

    private static readonly HashSet<string> OwnWords = ["saya", "aku", "kami", "kula", "kulo", "ku", "desaku", "punyaku", "milikku", "keluargaku"];
}
