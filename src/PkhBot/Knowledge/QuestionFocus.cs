using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// What a question asks about, beyond its kind: the word next to apa/siapa/berapa ("kewajibannya apa", "korkab siapa") and
/// the unit a count is asked in ("berapa hari", "berapa modul"). An answer that never names the one, or does not count in
/// the other, answers another question. General reading of Indonesian and Javanese question forms, no per-sentence rule.
/// </summary>
public static class QuestionFocus
{
    /// <summary>
    /// The word a "what / who / how many" question asks about: "kewajibannya apa", "apa saja syaratnya", "berapa KPM",
    /// "korkab siapa". An answer whose entry never names it answers another question, however many other words it shares.
    /// Null when the question has no such word: a yes/no question ("apa saya masih dapat"), "pemda apa pusat" (apa = or),
    /// a word that only says the kind ("umur berapa", "berapa kali"), or money asked ("SD dapat berapa": the amount is the
    /// kind, the komponen a subject that <see cref="AnswerFit.SubjectOf"/> checks).
    /// </summary>
    /// <param name="words">The question's words (<see cref="QueryNormalizer.Words"/>).</param>
    /// <param name="canonical">A word as synonyms.txt writes it, empty when dropped (<see cref="QueryNormalizer.Canonical"/>).</param>
    /// <param name="kind">The kind the question asks for (<see cref="AnswerFit.KindOf"/>), read once by the caller.</param>
    public static string? Word(IReadOnlyList<string> words, Func<string, string> canonical, AnswerKind kind)
    {
        // "P2K2 itu kegiatan apa": the subject is asked about, not the kind of thing it is ("kegiatan").
        if (AnswerFit.AsksKindOf(words) is not null) return null;
        var q = new FocusWords(words, words.Select(canonical).ToList());
        var amount = kind == AnswerKind.Amount;
        for (var i = 0; i < words.Count; i++)
        {
            var last = i + 1 == words.Count;
            switch (words[i] == "apaan" ? "apa" : q.Canonical[i])
            {
                case "apa":
                    // "apa" right before a word of its own clause is "or" ("pemda apa pusat") or asks yes/no ("apa saya
                    // dapat"), unless "saja/itu/sih" follows ("apa saja syaratnya", "apa itu desil").
                    if (last || q.Small(i + 1) || q.Ends(i + 1))
                        return q.Left(i) ?? (!last && q.Small(i + 1) ? q.Right(i) : null);
                    break;
                case "siapa":
                    return q.Left(i) ?? (!last && words[i + 1] == "yang" ? q.Right(i) : null);
                case "berapa":
                    // "berapa kali", "berapa tahun": the kind is asked, not a thing; "berapa keluarga/KPM/KK" names a unit
                    // the passage may write another way. "anggotanya berapa": the members are what is counted. "SD dapat
                    // berapa": the komponen is a subject (subjects.txt), written too many ways ("madrasah ibtidaiyah") to require.
                    if (q.Next(i) is { } n && KindOnly.Contains(q.Canonical[n])) return null;
                    return amount ? null : q.Left(i);
            }
        }
        return null;
    }

    /// <summary>The question's words as typed (for small words and particles) and as synonyms.txt writes them (for the rest).</summary>
    private sealed record FocusWords(IReadOnlyList<string> Raw, IReadOnlyList<string> Canonical)
    {
        public bool Small(int i) => Canonical[i].Length == 0 || Filler.Contains(Raw[i]) || Filler.Contains(Canonical[i]);

        /// <summary>A word that ends the clause: a conjunction, or a particle ("siapa sih, pemda apa pusat": the comma is gone).</summary>
        public bool Ends(int i) => Clause.Contains(Canonical[i]) || Clause.Contains(Raw[i]) || Particles.Contains(Raw[i]);

        private bool Skip(int i) => Small(i) || Skipped.Contains(Canonical[i]) || Skipped.Contains(Raw[i]);

        /// <summary>The next word after <paramref name="at"/> that is not small, in its clause.</summary>
        public int? Next(int at)
        {
            for (var i = at + 1; i < Raw.Count && !Ends(i); i++)
                if (!Small(i)) return i;
            return null;
        }

        /// <summary>The nearest content word before <paramref name="at"/> within four words, small words skipped.</summary>
        public string? Left(int at)
        {
            for (int i = at - 1, seen = 0; i >= 0 && seen < 4; i--, seen++)
            {
                // "catatan posyandu buat PKH itu siapa": what stands before a purpose ("buat/untuk") is another phrase.
                if (Clause.Contains(Canonical[i]) || Clause.Contains(Raw[i]) || Purpose.Contains(Raw[i])) return null;
                if (Skip(i)) continue;
                // "dibawa apa", "membahas apa", "pakai apa": a verb's object is asked, and it is not named.
                return IsFocusWord(Canonical[i]) && !IsVerb(Raw[i]) ? Canonical[i] : null;
            }
            return null;
        }

        public string? Right(int at)
        {
            for (int i = at + 1, seen = 0; i < Raw.Count && seen < 3; i++, seen++)
            {
                if (Ends(i)) return null;
                if (Skip(i)) continue;
                return IsFocusWord(Canonical[i]) ? Canonical[i] : null;
            }
            return null;
        }
    }

    private static readonly HashSet<string> Purpose = ["buat", "untuk", "kanggo", "bagi", "demi"];

    private static readonly HashSet<string> Particles = ["sih", "ya", "to", "tho", "dong", "lho", "kah", "nggih", "yo", "kok"];

    /// <summary>A verb by its prefix ("dibawa", "membahas", "berhak", "nggawe") or one of the everyday base verbs.</summary>
    private static bool IsVerb(string w)
        => (w.Length >= 5 && VerbPrefixes.Any(p => w.StartsWith(p, StringComparison.Ordinal))) || BaseVerbs.Contains(w);

    private static readonly string[] VerbPrefixes = ["me", "di", "ber", "ter", "ng", "ny", "nge", "mem", "men", "meng"];

    private static readonly HashSet<string> BaseVerbs =
        ["pakai", "pake", "kena", "bawa", "bwa", "ambil", "beli", "bayar", "makan", "kerja", "dapat", "buat", "bikin", "isi", "urus", "lapor", "tanya",
         "gawe", "nggawe", "gowo", "jupuk", "tuku", "kudu", "belajar", "bahas", "cari", "lihat", "cek", "akibat", "akibatnya", "salah", "salahku"];

    private static bool IsFocusWord(string w)
        => w.Length >= 2 && w.All(char.IsLetter) && !KindOnly.Contains(w) && !Asking.Contains(w);

    private static readonly HashSet<string> Asking = ["apa", "berapa", "siapa", "kapan", "bagaimana", "kenapa", "mana", "dimana", "kemana"];

    /// <summary>Words that only say the kind of answer (checked by <see cref="AnswerFit.FitsKind"/>) or name the programme itself: no focus.</summary>
    private static readonly HashSet<string> KindOnly =
        ["umur", "usia", "umure", "umurnya", "tahun", "tanggal", "bulan", "hari", "minggu", "kali", "persen", "nomor", "no", "lama", "besar", "besaran",
         "nominal", "nominalnya", "uang", "duit", "jumlah", "jumlahnya", "banyak", "total", "totalnya", "biaya", "rupiah", "bantuan",
         "program", "tahap", "sekali", "setahun", "per", "nama", "namanya", "arti", "artinya", "maksud", "maksudnya", "beda", "bedanya", "cara", "caranya", "orang", "jiwa", "buah", "wong"];

    /// <summary>Modal verbs, pronouns, prepositions and the scope ("seluruh Indonesia", "Bojonegoro") between the question word and what it asks about.</summary>
    private static readonly HashSet<string> Skipped =
        ["pkh", "bansos", "seluruh", "se", "indonesia", "nasional", "bojonegoro", "kabupaten", "di", "ke", "dari", "lewat", "melalui", "via", "saya", "aku", "kami", "kita", "anda", "kamu", "harus", "wajib", "bisa", "boleh", "mau", "ingin", "perlu", "sudah", "belum",
         "masih", "lagi", "dapat", "dapet", "oleh", "terima", "biasanya", "sebenarnya", "kira", "sekarang", "nanti", "tidak", "maksimal", "minimal", "paling", "sedikit", "dong"];

    /// <summary>Small words between a question word and what it asks about.</summary>
    private static readonly HashSet<string> Filler =
        ["saja", "aja", "wae", "itu", "ini", "iku", "nya", "ne", "e", "sih", "ya", "to", "kok", "lho", "dong", "kah", "pun", "yang", "sing", "ada", "the", "tho", "nggih"];

    /// <summary>Words that join clauses: a focus is never looked for across them.</summary>
    private static readonly HashSet<string> Clause = ["dan", "atau", "tapi", "tetapi", "karena", "soalnya", "biar", "agar", "supaya", "terus", "lalu", "kalau", "jika", "apakah"];

    /// <summary>
    /// The unit a "berapa" counts in, when it names one: "berapa kali", "berapa hari", "berapa modul", "berapa KPM/orang/KK".
    /// An answer must count in that unit ("4×", "42 hari", "5 modul", "263 KPM"): a rupiah line or a list of a module's
    /// sessions does not answer "periksa nifas dalam berapa hari" or "P2K2 ada berapa modul". Null: no unit named.
    /// </summary>
    public static string? Unit(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] != "berapa") continue;
            var next = words.Skip(i + 1).FirstOrDefault(w => !Filler.Contains(w) && !Particles.Contains(w));
            if (next is not null && Units.ContainsKey(next)) return next;
        }
        return null;
    }

    /// <summary>True when no unit is asked, or the passage counts in it.</summary>
    public static bool FitsUnit(string? unit, string passage) => unit is null || Units[unit].IsMatch(passage);

    private const string CountNumber = @"(\d[\d.,]*(\s*(-|–|sampai)\s*\d[\d.,]*)?|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*(ribu|rb|juta|jt)?\s*";

    private static Regex UnitPattern(string units) => new(CountNumber + "(" + units + @")\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // "setahun cair berapa kali": "4 tahap" counts the times too.
    private static readonly Regex Times = new(@"\d+\s*(kali|x|×|tahap)|\b(sekali|sebulan sekali|dua kali|tiga kali|empat kali|empat tahap)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    // People are counted by what they are too: "maksimal 1 lansia", "2 anak", "9-27 KPM".
    private static readonly Regex People = UnitPattern("orang|kpm|kk|keluarga|jiwa|anggota|rumah|penerima|pendamping|lansia|anak|balita|komponen|ibu hamil");

    private static readonly Dictionary<string, Regex> Units = new(StringComparer.Ordinal)
    {
        ["kali"] = Times,
        ["hari"] = UnitPattern("hari"),
        ["minggu"] = UnitPattern("minggu"),
        ["jam"] = UnitPattern("jam"),
        ["bulan"] = new(CountNumber + @"bulan\b|\btriwulan\b|\bsebulan\b", RegexOptions.IgnoreCase | RegexOptions.Compiled),
        ["modul"] = UnitPattern("modul"),
        ["sesi"] = UnitPattern("sesi|pertemuan"),
        ["desa"] = UnitPattern("desa|kelurahan"),
        ["kecamatan"] = UnitPattern("kecamatan"),
        ["komponen"] = UnitPattern("komponen"),
        // "berapa lama": a duration; "berapa triliun": a sum of that size (a rupiah amount per tahap does not answer it).
        ["lama"] = UnitPattern("hari|minggu|bulan|tahun|th|jam"),
        ["triliun"] = UnitPattern("triliun|t"),
        ["miliar"] = UnitPattern("miliar|m"),
        ["orang"] = People, ["kpm"] = People, ["kk"] = People, ["keluarga"] = People, ["jiwa"] = People, ["anggota"] = People,
    };

}
