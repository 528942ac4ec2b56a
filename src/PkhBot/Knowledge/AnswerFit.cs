using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// What a question asks for: an age, a count, an amount, steps, a date, a number written in digits (a phone number,
/// a regulation's number), a person's name, a place ("di mana", "nang endi"), a share ("berapa persen"), or anything.
/// </summary>
public enum AnswerKind { Any, Age, Count, Amount, Steps, Date, Number, Name, Place, Percent }

/// <summary>One subject of subjects.txt and the words that name it.</summary>
public sealed record Subject(string Name, IReadOnlyList<string[]> Phrases);

/// <summary>
/// Does a passage answer the question that was asked? Two general checks, no per-sentence rule:
/// its kind (an age for "umur berapa", a number for "berapa kali", an amount for "dapat berapa", steps for
/// "bagaimana caranya", a month or date for "kapan") and its subject (subjects.txt: a question about anak
/// usia dini is not answered from a passage that only speaks of lansia). The answerer tries the next passage
/// when one does not fit, and abstains when none does.
/// </summary>
public sealed partial class AnswerFit(IReadOnlyList<IReadOnlyList<Subject>> groups)
{
    /// <summary>The kind of answer the question's words (as <see cref="QueryNormalizer.Words"/> gives them) ask for.</summary>
    public static AnswerKind KindOf(IReadOnlyList<string> words)
    {
        bool Has(string w) => words.Contains(w);
        bool Near(string a, string b, int d)
        {
            for (var i = 0; i < words.Count; i++)
                if (words[i] == a)
                    for (var j = Math.Max(0, i - d); j <= Math.Min(words.Count - 1, i + d); j++)
                        if (words[j] == b) return true;
            return false;
        }
        if (Near("berapa", "umur", 1) || Near("berapa", "usia", 1) || Near("minimal", "umur", 1) || Near("minimal", "usia", 1)
            || Near("batas", "umur", 1) || Near("batas", "usia", 1))
            return AnswerKind.Age;
        if (Has("kapan") && !Near("kapan", "sampai", 1)) return AnswerKind.Date;
        // "mbah sudah 68 tahun, bisa masuk lansia?", "anak TK umur 5 masih dihitung?": a stated age asks whether that age
        // counts; the answer must speak of an age (not money: "mbah umur 75 dapat berapa" asks an amount).
        if (StatesAge(words) && !QueryNormalizer.AsksForAmount(words) && !words.Any(MoneyNouns.Contains)) return AnswerKind.Age;
        if (Near("berapa", "tanggal", 1) || Follows(words, "tahun", "berapa")) return AnswerKind.Date;   // "sejak tahun berapa": a year
        // "siapa nama korkab", "namanya siapa": a person's name, not what the role is.
        if (AsksName(words)) return AnswerKind.Name;
        // "nomor call center berapa", "inpres nomor berapa": a number written in digits (a list of banks does not answer it).
        if (Has("berapa") && words.Any(NumberNouns.Contains)) return AnswerKind.Number;
        // "kpm bojonegoro ada berapa": a number, not money.
        if (Has("berapa") && CountedBefore(words)) return AnswerKind.Count;
        // "kemiskinan Bojonegoro berapa persen", "persentase graduasi": a share (a rupiah line or a head count does not answer it).
        if (Near("berapa", "persen", 2) || Has("persentase") || Has("prosentase")) return AnswerKind.Percent;
        // "melahirkan harus di mana", "lapor nang endi": a place, an office or a channel (an amount does not answer it).
        if (AsksPlace(words)) return AnswerKind.Place;
        if (QueryNormalizer.AsksForAmount(words) || words.Any(MoneyNouns.Contains)) return AnswerKind.Amount;
        if (Has("berapa")) return AnswerKind.Count;
        // "gimana" alone mostly asks what happens ("anak putus sekolah, pkh gimana"); steps need "cara"/"langkah".
        if (Has("cara") || Has("caranya") || Has("carane") || Has("langkah") || Has("prosedur")) return AnswerKind.Steps;
        return AnswerKind.Any;
    }

    /// <summary>
    /// The word a "what / who / how many" question asks about: "kewajibannya apa", "apa saja syaratnya", "berapa KPM",
    /// "korkab siapa". An answer whose entry never names it answers another question, however many other words it shares.
    /// Null when the question has no such word: a yes/no question ("apa saya masih dapat"), "pemda apa pusat" (apa = or),
    /// a word that only says the kind ("umur berapa", "berapa kali"), or money asked ("SD dapat berapa": the amount is the
    /// kind, the komponen a subject that <see cref="SubjectOf"/> checks).
    /// </summary>
    /// <param name="words">The question's words (<see cref="QueryNormalizer.Words"/>).</param>
    /// <param name="canonical">A word as synonyms.txt writes it, empty when dropped (<see cref="QueryNormalizer.Canonical"/>).</param>
    public static string? Focus(IReadOnlyList<string> words, Func<string, string> canonical)
    {
        var q = new FocusWords(words, words.Select(canonical).ToList());
        var amount = KindOf(words) == AnswerKind.Amount;
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

    /// <summary>Words that only say the kind of answer (checked by <see cref="FitsKind"/>) or name the programme itself: no focus.</summary>
    private static readonly HashSet<string> KindOnly =
        ["umur", "usia", "umure", "umurnya", "tahun", "tanggal", "bulan", "hari", "minggu", "kali", "persen", "nomor", "no", "lama", "besar", "besaran",
         "nominal", "nominalnya", "uang", "duit", "jumlah", "jumlahnya", "banyak", "total", "totalnya", "biaya", "rupiah", "bantuan",
         "program", "tahap", "sekali", "setahun", "per", "nama", "namanya", "arti", "artinya", "maksud", "maksudnya", "beda", "bedanya", "cara", "caranya", "orang", "jiwa", "buah", "wong"];

    /// <summary>Modal verbs, pronouns, prepositions and the scope ("seluruh Indonesia", "Bojonegoro") between the question word and what it asks about.</summary>
    private static readonly HashSet<string> Skipped =
        ["pkh", "bansos", "seluruh", "se", "indonesia", "nasional", "bojonegoro", "kabupaten", "di", "ke", "dari", "saya", "aku", "kami", "kita", "anda", "kamu", "harus", "wajib", "bisa", "boleh", "mau", "ingin", "perlu", "sudah", "belum",
         "masih", "lagi", "dapat", "dapet", "oleh", "terima", "biasanya", "sebenarnya", "kira", "sekarang", "nanti", "tidak", "maksimal", "minimal", "paling", "sedikit", "dong"];

    /// <summary>Small words between a question word and what it asks about.</summary>
    private static readonly HashSet<string> Filler =
        ["saja", "aja", "wae", "itu", "ini", "iku", "nya", "ne", "e", "sih", "ya", "to", "kok", "lho", "dong", "kah", "pun", "yang", "sing", "ada", "the", "tho", "nggih"];

    /// <summary>Words that join clauses: a focus is never looked for across them.</summary>
    private static readonly HashSet<string> Clause = ["dan", "atau", "tapi", "tetapi", "karena", "soalnya", "biar", "agar", "supaya", "terus", "lalu", "kalau", "jika", "apakah"];

    private static bool AsksPlace(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "dimana" or "kemana" or "endi" or "ngendi" or "nandi" or "pundi") return true;
            if (words[i] == "mana" && i > 0 && words[i - 1] is "di" or "ke" or "dari") return true;
        }
        return false;
    }

    /// <summary>"siapa nama korkab", "nama pendamping desa saya siapa": "siapa" and a name asked for, not "nama saya" (one's own).</summary>
    private static bool AsksName(IReadOnlyList<string> words)
    {
        var who = words.ToList().IndexOf("siapa");
        if (who < 0) return false;
        for (var i = Math.Max(0, who - 6); i <= Math.Min(words.Count - 1, who + 2); i++)
            if (words[i] is "nama" or "namanya" or "jenenge" && !(i + 1 < words.Count && OwnWords.Contains(words[i + 1]))) return true;
        return false;
    }

    private static readonly HashSet<string> OwnWords = ["saya", "aku", "ku", "kula", "kami", "sesuai", "di"];

    /// <summary>
    /// "nomor rekening saya berapa", "no KKS ku berapa": the asker's own number, which no document holds (and the bot must
    /// not guess): the pendamping or the bank knows it.
    /// </summary>
    public static bool AsksOwnNumber(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
            if (NumberNouns.Contains(words[i]) && words.Skip(i + 1).Take(3).Any(w => w is "saya" or "aku" or "ku" or "kula" or "kami"))
                return true;
        return false;
    }

    /// <summary>"X itu apa", "apa itu X", "X artinya", "maksudnya X": the question asks what a word means.</summary>
    public static bool AsksMeaning(IReadOnlyList<string> words)
        => Follows(words, "itu", "apa") || Follows(words, "apa", "itu") || words.Any(MeaningWords.Contains);

    /// <summary>As <see cref="AsksMeaning(IReadOnlyList{string})"/>, for an FAQ question as written.</summary>
    public static bool AsksMeaning(string question) => AsksMeaning(QueryNormalizer.Tokens(question).ToList());

    private static readonly HashSet<string> MeaningWords = ["artinya", "arti", "maksudnya", "maksude", "pengertian", "kepanjangan", "kepanjangane", "singkatan"];

    /// <summary>A number after "umur"/"usia", or 40 and more before "tahun" (a shorter span may be a duration).</summary>
    private static bool StatesAge(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!int.TryParse(words[i], out var n) || n is < 0 or > 120) continue;
            if (i > 0 && words[i - 1] is "umur" or "usia" or "umure" or "umurnya") return true;
            if (n >= 40 && i + 1 < words.Count && words[i + 1] == "tahun") return true;
        }
        return false;
    }

    /// <summary>"rincian nominal semua komponen": money asked without "berapa".</summary>
    private static readonly HashSet<string> MoneyNouns = ["nominal", "nominalnya", "besaran", "besarannya", "rupiah"];

    private static bool Follows(IReadOnlyList<string> words, string first, string second)
    {
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == first && words[i + 1] == second) return true;
        return false;
    }

    private static readonly HashSet<string> NumberNouns = ["nomor", "no", "telepon", "telpon", "telp", "wa", "whatsapp", "call", "hotline", "kode"];

    /// <summary>Things counted, not paid ("kpm", "komponen", "modul"): the noun just before "berapa" (small words skipped).</summary>
    private static readonly HashSet<string> Counted =
        ["kpm", "komponen", "modul", "sesi", "orang", "pendamping", "desa", "kecamatan", "kelurahan", "keluarga", "kelompok", "kali", "tahap", "penerima"];

    private static readonly HashSet<string> Small = ["pkh", "e", "nya", "ne", "ya", "sih", "itu", "ini", "yang", "ada", "maksimal", "paling", "banyak", "semua", "total", "jumlah", "bojonegoro", "tahun", "di", "se", "seluruh", "indonesia"];

    /// <summary>"kpm bojonegoro ada berapa", "pendamping berapa": a count of a thing just before "berapa" (small words skipped).</summary>
    internal static bool CountedBefore(IReadOnlyList<string> words)
    {
        var at = words.ToList().IndexOf("berapa");
        if (QueryNormalizer.PerPeriod(words, at)) return false;   // "per tahap berapa": money, not tahap counted
        for (var i = at - 1; i >= 0 && i >= at - 5; i--)
        {
            if (Counted.Contains(words[i])) return true;
            // "KPM PKH Bojonegoro tahun 2025 berapa": the year says when, not what is counted.
            if (!Small.Contains(words[i]) && !words[i].All(char.IsDigit)) return false;
        }
        return false;
    }

    /// <summary>
    /// The unit a "berapa" counts in, when it names one: "berapa kali", "berapa hari", "berapa modul", "berapa KPM/orang/KK".
    /// An answer must count in that unit ("4×", "42 hari", "5 modul", "263 KPM"): a rupiah line or a list of a module's
    /// sessions does not answer "periksa nifas dalam berapa hari" or "P2K2 ada berapa modul". Null: no unit named.
    /// </summary>
    public static string? UnitAsked(IReadOnlyList<string> words)
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

    /// <summary>A passage that opens with a verdict ("Ya.", "Bukan.", "Tidak ...") on whatever claim the question makes.</summary>
    public static bool IsVerdict(string passage) => VerdictPattern().IsMatch(passage);

    [GeneratedRegex(@"^(Ya|Bukan|Tidak|Benar|Betul|Boleh|Bisa)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictPattern();

    /// <summary>True when the passage can be an answer of that kind.</summary>
    public static bool FitsKind(AnswerKind kind, string passage) => kind switch
    {
        AnswerKind.Age => AgePattern().IsMatch(passage),
        // A list answers "ada berapa" by showing them.
        AnswerKind.Count => NumberPattern().IsMatch(passage) || passage.Count(c => c is ',' or ';') >= 3,
        AnswerKind.Amount => AmountPattern().IsMatch(passage),
        AnswerKind.Date => DatePattern().IsMatch(passage),
        AnswerKind.Steps => StepsPattern().IsMatch(passage),
        AnswerKind.Number => passage.Any(char.IsDigit),
        AnswerKind.Name => PersonNamePattern().IsMatch(passage),
        AnswerKind.Place => PlacePattern().IsMatch(passage),
        AnswerKind.Percent => PercentPattern().IsMatch(passage),
        _ => true,
    };

    /// <summary>
    /// False when, in some group of subjects.txt, the question names subjects and the passage names none of them
    /// but names another subject of that group.
    /// </summary>
    public bool FitsSubject(IReadOnlyList<string> questionWords, string passage) => SubjectOf(questionWords, passage) != SubjectFit.Other;

    /// <summary>How the passage fits the question's subjects: names one of them, names none of any group, or only others.</summary>
    public enum SubjectFit { Named, Silent, Other }

    public SubjectFit SubjectOf(IReadOnlyList<string> questionWords, string passage)
    {
        var fit = SubjectFit.Silent;
        if (groups.Count == 0) return fit;
        var answerWords = QueryNormalizer.Tokens(passage).ToList();
        foreach (var group in groups)
        {
            var asked = group.Where(s => Names(s, questionWords)).ToList();
            if (asked.Count == 0) continue;
            if (asked.Any(s => Names(s, answerWords))) { fit = SubjectFit.Named; continue; }
            if (group.Except(asked).Any(s => Names(s, answerWords))) return SubjectFit.Other;
        }
        return fit;
    }

    private static bool Names(Subject s, IReadOnlyList<string> words)
    {
        foreach (var phrase in s.Phrases)
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                var k = 0;
                while (k < phrase.Length && words[i + k] == phrase[k]) k++;
                if (k == phrase.Length) return true;
            }
        return false;
    }

    /// <summary>subjects.txt: "[group]" lines, then "subject: word, a phrase" lines.</summary>
    public static IReadOnlyList<IReadOnlyList<Subject>> Parse(IEnumerable<string> lines)
    {
        var groups = new List<List<Subject>>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[')) { groups.Add([]); continue; }
            var colon = line.IndexOf(':');
            if (colon <= 0 || groups.Count == 0) throw new InvalidDataException($"subjects.txt: '{line}' harus 'subjek: kata, kata' di bawah [kelompok].");
            groups[^1].Add(new Subject(line[..colon].Trim(), line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => QueryNormalizer.Tokens(p).ToArray()).Where(p => p.Length > 0).ToList()));
        }
        return groups.Where(g => g.Count > 1).ToList();
    }

    /// <summary>A title and a capitalised name: "Bupati Setyo Wahono", "Bu Sumirah" (a role's description is not a name).</summary>
    [GeneratedRegex(@"\b(Bupati|Wakil Bupati|Mensos|Menteri Sosial|Menteri|Kepala|Pak|Bu|Bapak|Ibu|Gus|Mbak|Mas)\s+[A-Z][a-z]+")]
    private static partial Regex PersonNamePattern();

    [GeneratedRegex(@"\d\s*%|\bpersen\b", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\b(lewat|melalui)\s+\p{L}|\b(kantor|bank|himbara|bri|bni|mandiri|btn|bsi|pos|faskes|puskesmas|posyandu|bidan|desa|kelurahan|kecamatan|balai|rumah|sekolah|dinsos|dinas|dukcapil|aplikasi|situs|website|cekbansos|atm|agen|pendamping|kemensos|171)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"\d+\s*(-|–|sampai|s\.d\.)?\s*\d*\s*(tahun|th|bulan|bln)\b|\b(usia|umur)\b[^.\n]{0,20}\d", RegexOptions.IgnoreCase)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"\d|\b(satu|dua|tiga|empat|lima|enam|sekali|dua kali|tiap|setiap|maksimal|minimal|tidak ada batas)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"Rp\s?\d|\brupiah\b|\d\s*(juta|jt|ribu|rb)\b|\bgratis\b|\bbiaya\b|\d\s*%|\bpersen\b", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\b(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|sep|okt|nov|des|tanggal|bulan|tahun|triwulan|tahap|hari|minggu|sejak|setelah|sebelum|setiap|tiap|sekarang|belum pasti|sebulan|setahun|sekali|rutin|bulanan|mingguan)\b|\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(lewat|melalui|ke|datang|bawa|isi|buka|lapor|laporkan|daftar|hubungi|tanya|tanyakan|cek|ajukan|usul|usulkan|tanda ?tangan|menandatangani|ikuti|pilih|masukkan|minta|urus|kunjungi|sampaikan|menilai|mengusulkan|aplikasi|menu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepsPattern();
}
