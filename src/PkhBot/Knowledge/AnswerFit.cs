using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// What a question asks for: an age, a count, an amount, steps, a date, a day of the calendar ("tanggal berapa"), a number
/// written in digits (a phone number, a regulation's number), a person's name, a place ("di mana", "nang endi"), a share
/// ("berapa persen"), or anything.
/// </summary>
public enum AnswerKind { Any, Age, Count, Amount, Steps, Date, Day, Number, Name, Place, Percent }

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
        // "tanggal berapa": a day of the calendar ("sebulan sekali" says how often, not which day).
        if (Near("berapa", "tanggal", 1)) return AnswerKind.Day;
        if (Follows(words, "tahun", "berapa")) return AnswerKind.Date;   // "sejak tahun berapa": a year
        // "siapa nama korkab", "namanya siapa": a person's name, not what the role is.
        if (AsksName(words)) return AnswerKind.Name;
        // "nomor call center berapa", "inpres nomor berapa": a number written in digits (a list of banks does not answer it).
        if (Has("berapa") && words.Any(NumberNouns.Contains)) return AnswerKind.Number;
        // "kpm bojonegoro ada berapa": a number, not money.
        if (Has("berapa") && QueryNormalizer.CountsBeforeBerapa(words)) return AnswerKind.Count;
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
        => Follows(words, "itu", "apa") || Follows(words, "apa", "itu") || words.Any(MeaningWords.Contains) || AsksKindOf(words) is not null;

    /// <summary>
    /// "PKH itu bantuan apa", "KKS itu kartu apa": the last "apa" asks what kind of thing the subject is. The position of
    /// the kind named ("bantuan"), or null.
    /// </summary>
    public static int? AsksKindOf(IReadOnlyList<string> words)
    {
        var last = words.Count - 1;
        while (last >= 0 && Particles.Contains(words[last])) last--;
        return last >= 3 && words[last] == "apa" && words[last - 2] == "itu" && !MeaningWords.Contains(words[last - 1]) ? last - 1 : null;
    }

    /// <summary>As <see cref="AsksMeaning(IReadOnlyList{string})"/>, for an FAQ question as written.</summary>
    public static bool AsksMeaning(string question) => AsksMeaning(QueryNormalizer.Tokens(question).ToList());

    /// <summary>Words said around a question that ask nothing ("... apa ya bu", "... berapa sih").</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(["ya", "to", "sih", "bu", "pak", "sebenarnya", "nya"], StringComparer.Ordinal);

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
        AnswerKind.Day => DayPattern().IsMatch(passage),
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

    private const string Months = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember";

    [GeneratedRegex(@"\b(" + Months + @"|jan|feb|mar|apr|jun|jul|agu|sep|okt|nov|des|tanggal|bulan|tahun|triwulan|tahap|hari|minggu|sejak|setelah|sebelum|setiap|tiap|sekarang|belum pasti|sebulan|setahun|sekali|rutin|bulanan|mingguan)\b|\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>A month or a date.</summary>
    [GeneratedRegex(@"\b(" + Months + @"|tanggal|tgl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"\b(lewat|melalui|ke|datang|bawa|isi|buka|lapor|laporkan|daftar|hubungi|tanya|tanyakan|cek|ajukan|usul|usulkan|tanda ?tangan|menandatangani|ikuti|pilih|masukkan|minta|urus|kunjungi|sampaikan|menilai|mengusulkan|aplikasi|menu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepsPattern();
}
