namespace PkhBot.Knowledge;

/// <summary>
/// Reads the komponen counts in a question, in Indonesian and Javanese, digits or words: "2 anak SD",
/// "anakku loro SMP", "balita 3", "nenek lansia sama cucu SD", "mbah umur 75", "hamil anak ketiga",
/// "anak SMP yang juga disabilitas berat". The words that name a komponen come from benefits.tsv; what
/// is here is the grammar of counting (number words, where a count stands), not programme vocabulary.
/// Input: the question's words as <see cref="QueryNormalizer.Words"/> gives them (slang already standard).
/// </summary>
public sealed class FamilyParser
{
    private readonly List<(string[] Phrase, string Code)> _names;

    public FamilyParser(BenefitTable table)
        => _names = table.Komponen.SelectMany(k => k.Words.Select(w => (Phrase: w.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.Code)))
            .Where(p => p.Phrase.Length > 0).OrderByDescending(p => p.Phrase.Length).ToList();

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["satu"] = 1, ["siji"] = 1, ["sitok"] = 1, ["setunggal"] = 1, ["seorang"] = 1, ["sebiji"] = 1,
        ["dua"] = 2, ["loro"] = 2, ["kalih"] = 2, ["kembar"] = 2,
        ["tiga"] = 3, ["telu"] = 3, ["tigo"] = 3,
        ["empat"] = 4, ["papat"] = 4, ["sekawan"] = 4,
        ["lima"] = 5, ["limo"] = 5, ["gangsal"] = 5,
        ["enam"] = 6, ["enem"] = 6, ["nem"] = 6,
        ["tujuh"] = 7, ["pitu"] = 7,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["pertama"] = 1, ["kesatu"] = 1, ["kedua"] = 2, ["ketiga"] = 3, ["keempat"] = 4, ["kapat"] = 4, ["kelima"] = 5, ["keenam"] = 6,
        ["kapisan"] = 1, ["kapindho"] = 2, ["kapindo"] = 2, ["katelu"] = 3, ["katiga"] = 3, ["kalima"] = 5,
    };

    /// <summary>Words that may stand between a count and its komponen ("2 anak SD", "anakku loro SMP").</summary>
    private static readonly HashSet<string> Fillers =
        ["anak", "anakku", "anake", "anaknya", "orang", "wong", "yang", "ada", "punya", "saya", "ibu", "bocah", "putra", "putri",
         "cucu", "cucuku", "murid", "siswa", "masih", "lagi", "sing", "usia", "berat", "sekolah", "di", "sebagai", "jadi"];

    /// <summary>Words that join two different people; a link word without one joins two komponen of one person.</summary>
    private static readonly HashSet<string> Conjunctions = ["dan", "sama", "plus", "tambah", "terus", "lalu", "serta", "dengan", "ambek", "karo", "kalih", "trus", "lan", "ditambah"];

    private static readonly HashSet<string> Links = ["juga", "sekaligus", "merangkap", "uga", "ugo", "tur", "yang", "sing", "tapi"];

    private static readonly HashSet<string> ChildWords = ["anak", "anakku", "anake", "anaknya", "bocah", "putra", "putri", "cucu", "cucuku"];

    /// <summary>A number right after these is a class, an order, an age or a tahap, never a count.</summary>
    private static readonly HashSet<string> NotCountBefore = ["kelas", "ke", "umur", "usia", "tahap", "desil", "kaping", "nomor", "tahun"];

    /// <summary>A number right before these is an age, a duration, money or a share, never a count.</summary>
    private static readonly HashSet<string> NotCountAfter =
        ["tahun", "bulan", "hari", "minggu", "persen", "kali", "x", "ribu", "juta", "rb", "jt", "rupiah", "tahunan"];

    private sealed record Mention(string Code, int Start, int End)
    {
        public int? Count { get; set; }

        /// <summary>Read from a child's age ("anak umur 6 tahun"), not from a komponen word.</summary>
        public bool ByAge { get; init; }

        /// <summary>Read from a school class alone ("ragil kelas 8", "MA kelas 11"): one child at that level.</summary>
        public bool ByClass { get; init; }
    }

    /// <summary>The family a question describes, or null when it names no komponen.</summary>
    public Family? Parse(IReadOnlyList<string> words)
    {
        var all = FindAll(words);
        var graduated = all.Count(m => Graduated(words, m));
        var mentions = Recap(words, Kept(words, all));
        if (mentions.Count == 0) return null;
        var family = new Family { Graduated = graduated };
        var claimed = new HashSet<int>();
        // "5 anak: SMA 2, SMP 2, SD 1", "SD 2, SMP 1": each count stands after its komponen, so none is read before one.
        // The first and the last komponen both have their count right after them ("anakku papat: SMA 1, SMP 2, SD 1": the 4
        // before is the total); "dua anak SMA satu SMP" does not.
        var countsAfter = mentions.Count >= 2 && IsCount(words, mentions[0].End + 1) is not null && IsCount(words, mentions[^1].End + 1) is not null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            var from = m > 0 ? mentions[m - 1].End + 1 : 0;
            var to = m + 1 < mentions.Count ? mentions[m + 1].Start - 1 : words.Count - 1;
            mention.Count = countsAfter ? CountAfter(words, mention.End, to, claimed)
                : CountBefore(words, mention.Start, from, claimed) ?? CountAfter(words, mention.End, to, claimed);
        }
        TotalBeforeList(words, mentions);
        AllAtOneLevel(words, mentions);
        // A count, or a child told by its age or class: this family, not a rule question.
        family.Explicit = mentions.Any(m => m.Count is not null || m.ByAge || m.ByClass);
        // "anak sulung kuliah, adiknya SMA": a child past school is named, and is no komponen.
        family.Uncounted = words.Count(PastSchool.Contains);
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (m > 0 && mention.Count is null && mentions[m - 1].Code != mention.Code && OnePerson(words, mentions[m - 1], mention))
            {
                family.SamePerson.Add((mentions[m - 1].Code, mention.Code));
                family.Add(mention.Code, 1);
                continue;
            }
            // "anak saya baru masuk SMP ... komponen SMP itu dapat berapa": named again without a count, the same child; but
            // "SD kelas 4 sama SD kelas 1", "kakaknya SD kelas 6": a list or a sibling names another one.
            if (mention.Count is null && !mention.ByClass && !mention.ByAge && !NamesAnother(words, mention.Start)
                && !(mentions[m - 1 < 0 ? 0 : m - 1].Code == mention.Code && m > 0 && mention.Start - mentions[m - 1].End <= 2)
                && mentions.Take(m).Any(e => e.Code == mention.Code && e.Count is null)) continue;
            family.Add(mention.Code, mention.Count ?? 1);
            var to = m + 1 < mentions.Count ? mentions[m + 1].Start - 1 : words.Count - 1;
            if (mention.Code == "lansia" && Age(words, mention.End + 1, Math.Min(to, mention.End + 4)) is { } age && age >= 40)
            {
                family.LansiaAges.Add(age);
                family.Explicit = true;
            }
            if (mention.Code == "bumil" && Order(words, mention.End + 1, Math.Min(to, mention.End + 4)) is { } order)
            {
                family.PregnancyOrder = order;
                family.Explicit = true;
            }
        }
        // "baru lahiran anak kedua": the mother is in nifas, and the newborn is a child of anak usia dini age ("kembar": two).
        if (family.Count("aud") == 0 && words.Any(BirthWords.Contains) && !words.Any(PregnantWords.Contains))
        {
            family.Add("aud", words.Contains("kembar") ? 2 : 1);
            family.Explicit = true;
        }
        // Mothers mostly speak of their own children; a grandchild's family says so ("cucu").
        if (!words.Any(w => w.StartsWith("cucu", StringComparison.Ordinal)))
            family.OwnChildren = family.Count("aud") + family.Count("sd") + family.Count("smp") + family.Count("sma");
        return family;
    }

    /// <summary>
    /// "hamil anak kedua, anak pertama umur 2 th, jadi bumil + 1 balita": after "jadi/berarti/yaitu" the family is said
    /// again. When every komponen named after it was named before it, the second list is the same people: read the first.
    /// </summary>
    private static List<Mention> Recap(IReadOnlyList<string> words, List<Mention> mentions)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!RecapWords.Contains(words[i])) continue;
            var before = mentions.Where(m => m.End < i).ToList();
            var after = mentions.Where(m => m.Start > i).ToList();
            if (before.Count > 0 && after.Count > 0 && after.All(a => before.Any(b => b.Code == a.Code))) return before;
        }
        return mentions;
    }

    private static readonly HashSet<string> RecapWords = ["jadi", "berarti", "yaitu", "yakni", "dadi"];

    /// <summary>
    /// "anak saya 5", "anakku ana papat", "5 anak": children counted without a school level or age, when the question
    /// names no komponen, or names fewer levels than children and counts none of them. Null otherwise.
    /// </summary>
    public int? UnleveledChildren(IReadOnlyList<string> words)
    {
        if (CountedChildren(words) is not { } children) return null;
        if (Find(words).Count == 0) return children;
        // "anakku papat sekolah kabeh, SD SMP SMA": levels named without counts, fewer than the children; the count is the question.
        return Parse(words) is { Explicit: false } family && family.Persons < children ? children : null;
    }

    /// <summary>"anak saya 5", "anakku ana papat", "5 anak": the number of children a question states.</summary>
    private static int? CountedChildren(IReadOnlyList<string> words)
    {
        var claimed = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!ChildWords.Contains(words[i]) || words[i].StartsWith("cucu", StringComparison.Ordinal)) continue;
            if (i > 0 && IsCount(words, i - 1) is { } before) return before;
            for (var j = i + 1; j < words.Count && j <= i + 3; j++)
            {
                if (IsCount(words, j) is { } after && claimed.Add(j)) return after;
                if (words[j] is not ("saya" or "ada" or "ana" or "kula" or "kami" or "aku")) break;
            }
        }
        return null;
    }

    /// <summary>
    /// "anak saya 4 orang, semua masih SD", "anakku telu kabeh SMP": the children counted, all at the one level named.
    /// </summary>
    private static void AllAtOneLevel(IReadOnlyList<string> words, List<Mention> mentions)
    {
        if (mentions.Count == 0 || mentions.Any(m => m.Count is not null) || mentions.Select(m => m.Code).Distinct().Count() != 1) return;
        if (!SchoolLevels.Contains(mentions[0].Code) && mentions[0].Code != "aud") return;
        if (!words.Any(AllWords.Contains) || CountedChildren(words) is not { } n || n < 2) return;
        mentions[0].Count = n;
        for (var m = 1; m < mentions.Count; m++) mentions[m].Count = 0;
    }

    private static readonly HashSet<string> SchoolLevels = ["sd", "smp", "sma"];

    private static readonly HashSet<string> ChildLevels = ["aud", "sd", "smp", "sma"];

    private static readonly HashSet<string> AllWords = ["semua", "semuanya", "kabeh", "kabehe", "sedaya", "sedanten", "seluruhnya"];

    /// <summary>Words that place a child past school: named in the family, counted for nothing.</summary>
    private static readonly HashSet<string> PastSchool = ["kuliah", "kuliahan", "mahasiswa", "mahasiswi"];

    /// <summary>
    /// "3 anak: balita, SD, SMP": a count before "anak" that opens a list of as many komponen without counts is the
    /// number of children in the list, one each, not three balita.
    /// </summary>
    private static void TotalBeforeList(IReadOnlyList<string> words, List<Mention> mentions)
    {
        for (var m = 0; m + 1 < mentions.Count; m++)
        {
            if (mentions[m].Count is not { } n || n < 2) continue;
            // "anak kembar umur 2": twins are two of that komponen, never the children's total.
            if (mentions[m].Start > 0 && words[mentions[m].Start - 1] == "kembar") continue;
            // "anakku balita loro, karo mbarep SMP": a count after the komponen is its own; so is one right before it when all
            // of them are at it ("anak saya 2 SMP semua, sama adiknya SD").
            if (IsCount(words, mentions[m].End + 1) == n) continue;
            if (mentions[m].Start > 0 && IsCount(words, mentions[m].Start - 1) == n && mentions[m].End + 1 < words.Count && AllWords.Contains(words[mentions[m].End + 1])) continue;
            var between = Enumerable.Range(0, mentions[m].Start).Reverse().Take(4).Select(i => words[i]).ToList();
            if (!between.Any(w => ChildWords.Contains(w))) continue;
            if (m + n <= mentions.Count)
            {
                // The list is of children: "anak 2 balita kembar, nenek 76" lists a lansia after the two balita.
                var rest = mentions.Skip(m + 1).Take(n - 1).ToList();
                // "anak 3: SMA, SMA, SMP": a level may come twice.
                if (rest.Count == n - 1 && rest.All(r => r.Count is null && ChildLevels.Contains(r.Code)))
                    mentions[m].Count = 1;
                continue;
            }
            // "anak saya 5, ada SD, SMP, SMA": more children than the levels listed; the count is theirs, not the first level's
            // (each level once, no written count: the caps answer the question).
            // "anak sy 3 SMP semua, sama 1 adiknya SD": a count right before a level is that level's.
            if (mentions[m].Start > 0 && IsCount(words, mentions[m].Start - 1) == n) continue;
            var listed = mentions.Skip(m).ToList();
            if (listed.Skip(1).All(r => r.Count is null) && listed.Select(r => r.Code).Distinct().Count() == listed.Count)
                mentions[m].Count = null;
        }
    }

    /// <summary>
    /// Komponen words in order (longest phrase first), a child's stated age read as its komponen, repeats merged ("nenek lansia"),
    /// what the question says the family does not have left out ("saya tidak hamil", "gak ada balita, lansia, atau yg hamil").
    /// </summary>
    private List<Mention> Find(IReadOnlyList<string> words) => Kept(words, FindAll(words));

    /// <summary>The mentions that are komponen of the family now: not negated, not a level left, not someone deceased.</summary>
    private static List<Mention> Kept(IReadOnlyList<string> words, List<Mention> found)
    {
        var kept = found.ToList();
        kept.RemoveAll(m => Negated(words, m, found) || Graduated(words, m) || Deceased(words, m) || Formerly(words, m));
        return kept;
    }

    /// <summary>
    /// Two komponen named one after the other are one person: a link word ("SMP yang juga disabilitas"); a child's age or class
    /// then its level or disability with no other person between ("6 tahun, udah masuk SD"); a level and a disability with only
    /// the person's age or class between ("SD kls 2 disabilitas berat").
    /// </summary>
    private static bool OnePerson(IReadOnlyList<string> words, Mention previous, Mention mention)
        => SamePerson(words, previous.End, mention.Start)
           || (previous.ByAge || previous.ByClass) && !mention.ByAge && !mention.ByClass && ChildKomponen.Contains(mention.Code)
              && AgeThenLevel(words, previous.End, mention.Start, mention.Code == "disabilitas" ? 6 : 3)
           || previous.Count is null or 1 && (mention.Code == "disabilitas" || previous.Code == "disabilitas")
              && AttributesBetween(words, previous.End, mention.Start);

    /// <summary>"wis lulus SMA, kerja", "tamat SMP": a level the child has left.</summary>
    private static bool Graduated(IReadOnlyList<string> words, Mention m)
        => SchoolLevels.Contains(m.Code) && !m.ByClass && m.Start > 0 && words[m.Start - 1] is "lulus" or "tamat" or "lulusan";

    /// <summary>"neneknya sudah meninggal", "almarhum mbah": no longer in the family.</summary>
    private static bool Deceased(IReadOnlyList<string> words, Mention m)
        => Enumerable.Range(m.End + 1, Math.Max(0, Math.Min(3, words.Count - m.End - 1))).Any(i => DeathWords.Contains(words[i]))
           || (m.Start > 0 && words[m.Start - 1] is "almarhum" or "almarhumah" or "alm" or "almh");

    /// <summary>"dulu masuk lansia", "mbiyen dapat balita" (slang: "dulu"): what the family was, not what it is.</summary>
    private static bool Formerly(IReadOnlyList<string> words, Mention m)
        => m.Start > 1 && words[m.Start - 2] is "dulu" or "dulunya" && words[m.Start - 1] is "masuk" or "termasuk" or "dapat" or "ikut" or "jadi" or "komponen";

    private static readonly HashSet<string> DeathWords = ["meninggal", "wafat", "almarhum", "almarhumah", "seda", "mati"];

    private static readonly HashSet<string> BirthWords = ["lahiran", "melahirkan", "lahir"];

    private static readonly HashSet<string> PregnantWords = ["hamil", "meteng", "mbobot", "ngandung", "mengandung", "bumil", "kehamilan"];

    /// <summary>"tidak hamil", "gak ada balita, lansia, atau yang hamil": a negation, then a list of komponen only.</summary>
    private static bool Negated(IReadOnlyList<string> words, Mention m, List<Mention> found)
    {
        for (var i = m.Start - 1; i >= 0 && i >= m.Start - 12; i--)
        {
            if (Negations.Contains(words[i])) return true;
            if (ListWords.Contains(words[i]) || found.Any(f => f.Start <= i && i <= f.End)) continue;
            return false;
        }
        return false;
    }

    private static readonly HashSet<string> Negations = ["tidak", "bukan", "tanpa", "ora", "mboten", "belum"];

    /// <summary>Words inside a negated list: "gak ada balita, lansia, atau yang hamil".</summary>
    private static readonly HashSet<string> ListWords = ["ada", "ana", "punya", "atau", "dan", "maupun", "ataupun", "yang", "sing", "lagi", "sedang", "orang", "anggota"];

    private List<Mention> FindAll(IReadOnlyList<string> words)
    {
        var found = new List<Mention>();
        for (var i = 0; i < words.Count; i++)
        {
            var match = _names.FirstOrDefault(n => Matches(words, i, n.Phrase));
            if (match.Phrase is not null)
            {
                var end = i + match.Phrase.Length - 1;
                // "nenek lansia": one person named twice; "nenek 76, kakek 79": two, an age between them.
                if (found.Count > 0 && found[^1].Code == match.Code && i - found[^1].End <= 2 && !HasConjunction(words, found[^1].End, i)
                    && !SameWords(words, found[^1], i, end)
                    && !Enumerable.Range(found[^1].End + 1, i - found[^1].End - 1).Any(k => int.TryParse(words[k], out _)))
                    found[^1] = found[^1] with { End = end };
                else found.Add(new Mention(match.Code, i, end));
                i = end;
                continue;
            }
            // "anak umur 4 tahun", "yang kecil umur 4 tahun", "adiknya 3 tahun", "1 SD & 1 umur 4 th" without a school level:
            // the age says the komponen.
            if ((ChildWords.Contains(words[i]) || SiblingWords.Contains(words[i]) || CountThenAge(words, i))
                && ChildAgeKomponen(words, i) is { } byAge)
            {
                // The mention starts at the age: a count between the child and its age is its count ("anak kembar umur 2").
                found.Add(new Mention(byAge.Code, byAge.Start, byAge.End) { ByAge = true });
                i = byAge.End;
                continue;
            }
            // "7 th kelas 1 SD, 4 th TK, 2 th": in a list where each child's age stands before its level, an age after the last
            // level with no level of its own is the next child.
            if (NextChildInAgeList(words, i, found) is { } next)
            {
                found.Add(new Mention(next, i, i + 1) { ByAge = true });
                i++;
                continue;
            }
            // "ragil kelas 8", "MA kelas 11", "3 taun sama kelas 8": a class with no level named beside it is the level.
            if (ClassKomponen(words, i, found) is { } byClass)
            {
                found.Add(new Mention(byClass, i, i + 1) { ByClass = true });
                i++;
                continue;
            }
            // "ibu saya umur 75", "mertua 68 tahun": an adult of lansia age is the lansia komponen (its age read as a lansia's).
            if (AdultWords.Contains(words[i]) && AdultAge(words, i) is { } age && age.Years >= LansiaAgeFloor)
            {
                found.Add(new Mention("lansia", i, i));
                i = age.At;   // "ibu mertua umur 65": one person
            }
        }
        return found;
    }

    /// <summary>
    /// "14 th (kls 8), 11 th (kls 5), 4 th": a bare age right after a child's level, when that level had its own age before it
    /// and no level or class follows this one: another child, of that age's komponen.
    /// </summary>
    private string? NextChildInAgeList(IReadOnlyList<string> words, int i, List<Mention> found)
    {
        if (found.Count == 0 || found[^1].End != i - 1 || !ChildLevels.Contains(found[^1].Code)) return null;
        if (!int.TryParse(words[i], out var n) || i + 1 >= words.Count || words[i + 1] is not ("tahun" or "bulan")) return null;
        if (i + 2 < words.Count && (words[i + 2] == "kelas" || _names.Any(nm => Matches(words, i + 2, nm.Phrase)))) return null;
        var previous = found[^1];
        // Not after an age itself ("umur 4 tahun 6 bulan" is one child's age); the level's own age right before it ("4 th TK",
        // "14 th kls 8"), or before its class ("7 th kelas 1 SD").
        var ageAt = previous.Start >= 3 && words[previous.Start - 2] == "kelas" ? previous.Start - 3 : previous.Start - 1;
        if (previous.ByAge || ageAt < 1 || words[ageAt] is not ("tahun" or "bulan") || !int.TryParse(words[ageAt - 1], out _)) return null;
        return words[i + 1] == "bulan" || n <= 6 ? "aud" : n <= 12 ? "sd" : n <= 15 ? "smp" : n <= 18 ? "sma" : null;
    }

    /// <summary>"1 umur 4 th", "siji maneh umur 4 th": a count, perhaps "another", then an age.</summary>
    private static bool CountThenAge(IReadOnlyList<string> words, int i)
    {
        if (IsCount(words, i) is null) return false;
        var next = i + 1 < words.Count && words[i + 1] is "lagi" or "maneh" or "malih" or "neh" or "mbali" ? i + 2 : i + 1;
        return next < words.Count && words[next] is "umur" or "usia";
    }

    /// <summary>How a mother names one child among others ("yang kecil", "kakaknya", "si bungsu"): with an age, a child's komponen.</summary>
    private static readonly HashSet<string> SiblingWords =
        ["kecil", "cilik", "adik", "adiknya", "adike", "adine", "adhik", "adhike", "adhine", "kakak", "kakange", "kakaknya", "kakake", "sulung", "bungsu", "mbarep", "ragil", "putu", "mas", "mbak"];

    /// <summary>Adults a family names (parents, in-laws, a spouse): not a komponen by themselves, only with a lansia's age.</summary>
    private static readonly HashSet<string> AdultWords =
        ["ibu", "ibuku", "bapak", "bapakku", "bapake", "ayah", "mertua", "mertuaku", "suami", "suamiku", "istri", "bojo", "bojoku",
         "simbok", "simbokku", "mbok", "emak", "mamak", "bapa", "romo", "biyung"];

    /// <summary>The lowest age any source gives for lansia (below it an adult's age says nothing about a komponen).</summary>
    private const int LansiaAgeFloor = 60;

    /// <summary>"ibu saya umur 75", "mertua 68 tahun": the age stated within four words of the adult, before any komponen word.</summary>
    private (int Years, int At)? AdultAge(IReadOnlyList<string> words, int adult)
    {
        for (var j = adult + 1; j <= Math.Min(words.Count - 1, adult + 4); j++)
        {
            if (_names.Any(n => Matches(words, j, n.Phrase)) || Conjunctions.Contains(words[j])) return null;
            if (!int.TryParse(words[j], out var n)) continue;
            if (words[j - 1] is "umur" or "usia" || (j + 1 < words.Count && words[j + 1] == "tahun")) return (n, j);
            // "bapak mertua 74": a bare number right after the adult's words is an age when it is a lansia's.
            if (n >= LansiaAgeFloor && n < 120 && Enumerable.Range(adult, j - adult).All(k => AdultWords.Contains(words[k]))) return (n, j);
        }
        return null;
    }

    private (string Code, int Start, int End)? ChildAgeKomponen(IReadOnlyList<string> words, int child)
    {
        // "hamil anak kedua 5 bulan": the months of a pregnancy, not a baby's age.
        if (child > 0 && PregnantWords.Contains(words[child - 1])) return null;
        // "anak pertama saya umur 3 tahun": up to four words between the child and its age.
        for (var j = child + 1; j <= Math.Min(words.Count - 1, child + 4); j++)
        {
            if (_names.Any(n => Matches(words, j, n.Phrase))) return null;   // "anak umur 8 tahun kelas 2 SD": the level decides
            if (!int.TryParse(words[j], out var n)) continue;
            var unit = j + 1 < words.Count ? words[j + 1] : "";
            var afterAgeWord = words[j - 1] is "umur" or "usia";
            if (!afterAgeWord && unit is not ("tahun" or "bulan")) continue;
            var end = unit is "tahun" or "bulan" ? j + 1 : j;
            // "umur 8 tahun SD", "umur 10 tahun disabilitas berat": the komponen named right after the age decides;
            // "umur 2 tahun, mbah kakung umur 80": another person follows.
            // Under 7 a child is anak usia dini whether disabled or not: both, one person (the higher counts).
            if (end + 1 < words.Count && _names.Any(nm => ChildKomponen.Contains(nm.Code) && Matches(words, end + 1, nm.Phrase)
                    && !(nm.Code == "disabilitas" && (unit == "bulan" || n <= 6)))) return null;
            // "anak 13 th kls 7": the class says the level (the child's class, not its age, is what the school reports).
            if (end + 2 < words.Count && words[end + 1] == "kelas" && int.TryParse(words[end + 2], out _)) return null;
            // "umur 9 ora sekolah": the age names no school komponen.
            if (n > 6 && unit != "bulan" && NotAtSchool(words, end + 1)) return null;
            string? code = unit == "bulan" || n <= 6 ? "aud" : n <= 12 ? "sd" : n <= 15 ? "smp" : n <= 18 ? "sma" : null;
            return code is null ? null : (code, afterAgeWord ? j - 1 : j, end);
        }
        return null;
    }

    /// <summary>"SMA, SMA, SMP": the same word again is the next child of a list, not one person named twice ("nenek lansia").</summary>
    private static bool SameWords(IReadOnlyList<string> words, Mention previous, int start, int end)
        => end - start == previous.End - previous.Start
           && Enumerable.Range(0, end - start + 1).All(k => words[start + k] == words[previous.Start + k]);

    private static bool Matches(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (words[at + k] != phrase[k]) return false;
        return true;
    }

    private static int? CountBefore(IReadOnlyList<string> words, int start, int from, HashSet<int> claimed)
    {
        for (var i = start - 1; i >= Math.Max(from, start - 3); i--)
        {
            if (IsCount(words, i) is { } n && claimed.Add(i)) return n;
            if (!Fillers.Contains(words[i])) return null;
        }
        return null;
    }

    private static int? CountAfter(IReadOnlyList<string> words, int end, int to, HashSet<int> claimed)
    {
        for (var i = end + 1; i <= Math.Min(to, end + 2); i++)
        {
            if (IsCount(words, i) is { } n && claimed.Add(i)) return n;
            if (words[i] is not ("anak" or "orang" or "wong" or "ada" or "ana" or "cuma" or "hanya" or "mung" or "cuman" or "cumak")) return null;
        }
        return null;
    }

    /// <summary>A count: a small number (digits or a word) that is not a class, an order, an age, money or a duration.</summary>
    private static int? IsCount(IReadOnlyList<string> words, int i)
    {
        if (i < 0 || i >= words.Count) return null;
        var n = int.TryParse(words[i], out var d) ? d : Numbers.GetValueOrDefault(words[i]);
        if (n is < 1 or > 12) return null;
        if (i > 0 && NotCountBefore.Contains(words[i - 1])) return null;
        if (i + 1 < words.Count && NotCountAfter.Contains(words[i + 1])) return null;
        // "2 tahap" is how many tahap; in "SMA cuma 1, tahap 3 sama tahap 4" the tahap has its own number.
        if (i + 1 < words.Count && words[i + 1] == "tahap" && !(i + 2 < words.Count && int.TryParse(words[i + 2], out _))) return null;
        return n;
    }

    private static bool HasConjunction(IReadOnlyList<string> words, int after, int before)
    {
        for (var i = after + 1; i < before; i++)
            if (Conjunctions.Contains(words[i])) return true;
        return false;
    }

    /// <summary>"anak SMP yang juga disabilitas": a link word, no conjunction, at most three words apart.</summary>
    private static bool SamePerson(IReadOnlyList<string> words, int after, int before)
    {
        if (before - after - 1 is < 1 or > 5) return false;
        var between = Enumerable.Range(after + 1, before - after - 1).Select(i => words[i]).ToList();
        // "yang kedua SMA kelas 11, yang ketiga SMP", "kembar umur 1 tahun, sing mbarep SD" (slang: "yang anak SD"): an order, a
        // sibling or a child is another child; "di KK juga ada mbah": another person.
        if (between.Any(w => SiblingWords.Contains(w) || Ordinals.ContainsKey(w) || ChildWords.Contains(w) || w is "ada" or "ana" or "punya")) return false;
        // "umur 5 tahun tapi sudah masuk kelas 1 SD": the link may stand a few words off, but no count between.
        if (between.Count > 3 && between.Any(Numbers.ContainsKey)) return false;
        return between.Any(Links.Contains) && !between.Any(Conjunctions.Contains);
    }

    /// <summary>
    /// "anak saya 6 tahun, sudah masuk SD": a child's age, then a few words of no other person (no child, sibling, count or
    /// conjunction), then a level: the one child, at both. A disability may be told at more length first ("umur 4 taun,
    /// lumpuh mboten saget mlampah, disabilitas berat").
    /// </summary>
    private static bool AgeThenLevel(IReadOnlyList<string> words, int after, int before, int most)
    {
        if (before - after - 1 < 0 || before - after - 1 > most) return false;
        return Enumerable.Range(after + 1, before - after - 1).Select(i => words[i])
            .All(w => !ChildWords.Contains(w) && !SiblingWords.Contains(w) && !Conjunctions.Contains(w) && !Numbers.ContainsKey(w) && !int.TryParse(w, out _));
    }

    /// <summary>
    /// "anak SMP 1, umur 15, disabilitas berat", "anak SD kls 2 disabilitas berat": only the person's age or class between a
    /// level and a disability, so one person (two levels never are).
    /// </summary>
    private static bool AttributesBetween(IReadOnlyList<string> words, int after, int before)
    {
        if (before - after - 1 is < 2 or > 5) return false;
        var between = Enumerable.Range(after + 1, before - after - 1).Select(i => words[i]).ToList();
        return between.Any(w => w is "umur" or "usia" or "kelas")
               && between.All(w => w is "umur" or "usia" or "kelas" or "tahun" or "yang" or "sing" || int.TryParse(w, out _));
    }

    /// <summary>
    /// "SD kelas 4 sama SD kelas 1", "kakaknya SD", "anak keempat MI", "anak SD kelas 3, anak SD kelas 6": a list item, a sibling
    /// or a child named as such, another child.
    /// </summary>
    private static bool NamesAnother(IReadOnlyList<string> words, int start)
        => Enumerable.Range(Math.Max(0, start - 2), Math.Min(2, start)).Any(i => Conjunctions.Contains(words[i]) || SiblingWords.Contains(words[i])
            || Ordinals.ContainsKey(words[i]))
           // "anak SD kelas 3, anak SD kelas 6": each child named as a child, with its own class or age ("anak SMP itu" is the same).
           || (start > 0 && ChildWords.Contains(words[start - 1]) && start + 1 < words.Count && (words[start + 1] is "kelas" or "umur" or "usia" || int.TryParse(words[start + 1], out _)))
           // "nenek 76, kakek 79": the previous person's age stands between.
           || (start > 0 && int.TryParse(words[start - 1], out var age) && age > 12);

    /// <summary>
    /// "kelas 8" with no level named just before or after it: the level of that class (1-6 SD, 7-9 SMP, 10-12 SMA). Not when
    /// the class only says which of several children counted at that level ("SD telu, sing siji kelas 6").
    /// </summary>
    private string? ClassKomponen(IReadOnlyList<string> words, int i, List<Mention> found)
    {
        if (words[i] != "kelas" || i + 1 >= words.Count || !int.TryParse(words[i + 1], out var n) || n is < 1 or > 12) return null;
        if (Enumerable.Range(Math.Max(0, i - 2), Math.Min(2, i)).Any(k => _names.Any(nm => SchoolLevels.Contains(nm.Code) && Matches(words, k, nm.Phrase)))) return null;
        if (i + 2 < words.Count && _names.Any(nm => SchoolLevels.Contains(nm.Code) && Matches(words, i + 2, nm.Phrase))) return null;
        var code = n <= 6 ? "sd" : n <= 9 ? "smp" : "sma";
        // "SD telu, sing siji kelas 6", "SD loro kelas 1 karo kelas 5": the class is one of the children already counted.
        return found.Any(f => f.Code == code && (IsCount(words, f.End + 1) is > 1 || (f.Start > 0 && IsCount(words, f.Start - 1) is > 1))) ? null : code;
    }

    /// <summary>What a child may be besides its age's komponen (a mother or a lansia named after a child's age is another person).</summary>
    private static readonly HashSet<string> ChildKomponen = ["aud", "sd", "smp", "sma", "disabilitas"];

    /// <summary>"ora sekolah", "tidak sekolah", "gak sekolah lagi" right after an age.</summary>
    private static bool NotAtSchool(IReadOnlyList<string> words, int from)
        => from + 1 < words.Count && Negations.Contains(words[from]) && words[from + 1] is "sekolah" or "sekolahe";

    /// <summary>
    /// How many tahap a question adds up: "tahap 3 sama tahap 4", "tahap 1 dan 2" (distinct numbers after "tahap"), or
    /// "2 tahap", "dua tahap"; 1 when it names one or none.
    /// </summary>
    public static int Tahap(IReadOnlyList<string> words)
    {
        var named = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "tahap") continue;
            if (i > 0 && Number(words[i - 1]) is >= 2 and <= 4 and var before) return before;
            // "tahap 1 sampai tahap 3", "tahap 2 sampai 4": every tahap of the range.
            if (i + 3 < words.Count && Number(words[i + 1]) is >= 1 and <= 4 and var first && RangeWords.Contains(words[i + 2])
                && Number(words[i + 3] == "tahap" && i + 4 < words.Count ? words[i + 4] : words[i + 3]) is { } last && last > first && last <= 4)
                return last - first + 1;
            // "tahap 3 sama tahap 4", "tahap 1 dan 2": the numbers of the tahap, joined by a conjunction.
            for (var j = i + 1; j < words.Count && j <= i + 3; j++)
                if (Number(words[j]) is >= 1 and <= 4 and var n) named.Add(n);
                else if (!Conjunctions.Contains(words[j]) && words[j] != "tahap") break;
        }
        return Math.Max(1, named.Count);

        static int? Number(string w) => int.TryParse(w, out var d) ? d : Numbers.TryGetValue(w, out var n) ? n : null;
    }

    private static readonly HashSet<string> RangeWords = ["sampai", "hingga", "smpai", "ampe"];

    /// <summary>"sebulan dapat berapa", "per bulan", "tiap bulan", "bulanan": a month's share is asked.</summary>
    public static bool AsksPerMonth(IReadOnlyList<string> words)
        => words.Any(w => w is "sebulan" or "perbulan" or "bulanan")
           || words.Where((w, i) => w == "bulan" && i > 0 && words[i - 1] is "per" or "tiap" or "setiap" or "saben").Any();

    /// <summary>"umur 75", "usia 80 tahun", "75 tahun", or a bare "76" right after the lansia ("nenek 76").</summary>
    private static int? Age(IReadOnlyList<string> words, int from, int to)
    {
        for (var i = from; i <= to && i < words.Count; i++)
        {
            if (!int.TryParse(words[i], out var n)) continue;
            if ((i > 0 && words[i - 1] is "umur" or "usia") || (i + 1 < words.Count && words[i + 1] == "tahun")) return n;
            if (i == from && n is >= 40 and < 120) return n;
        }
        return null;
    }

    /// <summary>"ke 3", "ketiga", "anak ke 3", "kehamilan kedua".</summary>
    private static int? Order(IReadOnlyList<string> words, int from, int to)
    {
        for (var i = from; i <= to && i < words.Count; i++)
        {
            if (Ordinals.TryGetValue(words[i], out var o)) return o;
            // "ke 3", "kaping telu" / "kaping kalih" (Javanese: the n-th time).
            if (words[i] is "ke" or "kaping" && i + 1 < words.Count && (int.TryParse(words[i + 1], out var n) || Numbers.TryGetValue(words[i + 1], out n))) return n;
        }
        return null;
    }
}
