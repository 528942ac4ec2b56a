using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// Turns what people type ("anakku sekolahe SMP oleh piro to?") into words the index knows: lower case,
/// no punctuation, stretched letters and "anak2" folded, typos corrected against the content's own vocabulary,
/// then informal/Javanese words and abbreviations expanded from synonyms.txt. Immutable: safe across threads.
/// </summary>
public sealed partial class QueryNormalizer
{
    private readonly Dictionary<string, string> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _slang = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, string Expansion)> _phrases = [];
    private readonly HashSet<string> _domainWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everydayWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Word, int Freq)> _withoutVowels = new(StringComparer.Ordinal);
    private readonly string[][] _vocabularyByLength;
    private static readonly string[] Suffixes = ["nya", "ku", "mu", "ne", "e", "ipun"];

    public QueryNormalizer(KnowledgeContent content)
    {
        foreach (var rule in content.Slang)
        {
            var variant = string.Join(' ', Tokens(rule.Variant));
            if (variant.Length == 0 || variant.Contains(' ')) continue;   // word by word only
            _slang[variant] = string.Join(' ', Tokens(rule.Expansion));
            AddWords(rule.Expansion);
        }
        foreach (var rule in content.Synonyms)
        {
            var variant = string.Join(' ', Tokens(rule.Variant));
            if (variant.Contains(' ')) _phrases.Add((variant, rule.Expansion));
            else if (_single.TryGetValue(variant, out var existing)) _single[variant] = (existing + " " + rule.Expansion).Trim();
            else _single[variant] = rule.Expansion;
            AddWords(rule.Variant);
            AddWords(rule.Expansion);
        }
        foreach (var doc in content.Documents)
        {
            AddWords(doc.Title);
            foreach (var s in doc.Sections) { AddWords(s.Heading); AddWords(s.Text); }
        }
        foreach (var f in content.Faq)
        {
            foreach (var q in f.Questions) AddWords(q);
            AddWords(f.Answer);
        }
        foreach (var t in content.DomainTerms) AddWords(t);
        foreach (var t in content.DomainTerms) foreach (var w in Tokens(t)) _domainWords.Add(w);
        foreach (var t in content.OtherPrograms) AddWords(t);
        foreach (var t in content.NotCovered) AddWords(t);
        // Known, never corrected, but no target of a correction either: a typo of a programme word stays that word's.
        foreach (var t in content.KnownWords) foreach (var w in Tokens(t)) _everydayWords.Add(w);
        foreach (var (word, freq) in _vocabulary) AddWithoutVowels(word, freq);
        var maxLen = _vocabulary.Keys.Max(k => k.Length);
        _vocabularyByLength = new string[maxLen + 3][];
        for (var len = 0; len < _vocabularyByLength.Length; len++)
            _vocabularyByLength[len] = _vocabulary.Keys.Where(k => k.Length == len).ToArray();
    }

    /// <summary>The cleaned words, typos corrected, followed by the synonym expansions (what the index stores).</summary>
    public string Expand(string text)
    {
        var (original, expansion) = ExpandParts(text);
        return expansion.Length == 0 ? original : original + " " + expansion;
    }

    /// <summary>
    /// The cleaned, corrected words with informal/Javanese words replaced by their canonical word (the first word
    /// of the rule's right side), and separately the further words the rules add (weighted lower in queries).
    /// A rule with an empty right side drops the word (local stopwords: "untuk", "kanggo", "sih").
    /// </summary>
    public (string Original, string Expansion) ExpandParts(string text) => ExpandParts(Words(text).ToList());

    /// <summary>As <see cref="ExpandParts(string)"/>, from the words <see cref="Words"/> already gave (normalised once per question).</summary>
    public (string Original, string Expansion) ExpandParts(IReadOnlyList<string> normalized)
    {
        var tokens = normalized.ToList();
        if (AsksForAmount(tokens)) tokens.Add(AmountWord);
        // "PKH itu bantuan apa": asks what the subject is, as "PKH itu apa" does (whose phrase reads as "pengertian"); the
        // kind named ("bantuan", "kartu") would pull in every passage about some other "bantuan".
        if (AnswerFit.AsksKindOf(tokens) is { } at)
        {
            tokens.RemoveAt(at);
            tokens.Add(MeaningWord);
        }
        AgeAsComponent(tokens);
        var primary = new StringBuilder();
        var secondary = new StringBuilder();
        // A phrase ("sekolah dasar", "kapan cairnya") is replaced by its canonical word, not added to.
        var padded = " " + string.Join(' ', tokens) + " ";
        foreach (var (phrase, expansion) in _phrases)
        {
            if (!padded.Contains(" " + phrase + " ", StringComparison.Ordinal)) continue;
            var words = expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            padded = padded.Replace(" " + phrase + " ", words.Length == 0 ? " " : " " + words[0] + " ", StringComparison.Ordinal);
            foreach (var w in words.Skip(1)) secondary.Append(' ').Append(w);
        }
        foreach (var t in padded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (t.Length == 1 && !char.IsDigit(t[0])) continue;   // "pkh e" (Javanese "-e" written apart), "a", "d"
            if (_single.TryGetValue(t, out var expansion)) Add(expansion);
            else primary.Append(' ').Append(t);
        }
        return (primary.ToString().Trim(), secondary.ToString().Trim());

        void Add(string expansion)
        {
            var words = expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) return;
            primary.Append(' ').Append(words[0]);
            foreach (var w in words.Skip(1)) secondary.Append(' ').Append(w);
        }
    }

    /// <summary>One word as synonyms.txt writes it ("dpt" -> "dapat", "opo" -> "apa"); empty when the rules drop it ("untuk").</summary>
    public string Canonical(string word)
        => _single.TryGetValue(word, out var expansion) ? expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "" : word;

    /// <summary>
    /// The question's words in standard spelling: <see cref="Tokens"/>, then phone spellings and abbreviations
    /// from slang.txt ("gk" -> "tidak", "brp" -> "berapa", "jt" -> "juta"), stretched letters folded when the
    /// word is otherwise unknown ("kapaan", "yaa" -> "kapan", "ya"), then typos corrected.
    /// </summary>
    public IEnumerable<string> Words(string text) => WordsWithGaps(text).Where(w => w.Length > 0);

    /// <summary>
    /// As <see cref="Words"/>, with an empty string where slang.txt drops a word ("pendamping bilang gaji suami": the
    /// pendamping and the salary do not stand side by side).
    /// </summary>
    public IEnumerable<string> WordsWithGaps(string text)
    {
        foreach (var token in Tokens(text))
        {
            var w = token;
            if (!IsKnown(w))
            {
                var single = FoldDoubles(w);
                if (single != w && IsKnown(single)) w = single;
            }
            if (_slang.TryGetValue(w, out var standard))
            {
                if (standard.Length == 0) yield return "";
                foreach (var s in standard.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return s;
                continue;
            }
            var corrected = Correct(w);
            // "simbokku" -> "simbok" -> "ibu": a word found by its ending or a typo still gets its standard spelling.
            if (corrected != w && _slang.TryGetValue(corrected, out var standardOfCorrected))
            {
                foreach (var s in standardOfCorrected.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return s;
                continue;
            }
            if (corrected != w || IsKnown(w) || _everydayWords.Contains(w) || Split(w) is not var (left, right))
            {
                yield return corrected;
                continue;
            }
            // "pkhcair", "anaksd": two known words typed without a space.
            foreach (var part in new[] { left, right })
                if (_slang.TryGetValue(part, out var std)) { foreach (var s in std.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return s; }
                else yield return part;
        }
    }

    /// <summary>The split of an unknown word into two known words (3+ letters, or a programme abbreviation last; the longer pieces preferred).</summary>
    private (string, string)? Split(string w)
    {
        if (w.Length < 5 || w.Any(char.IsDigit)) return null;
        (string, string)? best = null;
        var bestMin = 0;
        for (var i = 2; i <= w.Length - 2; i++)
        {
            var (l, r) = (w[..i], w[i..]);
            // A phone spelling (slang.txt) only as the first piece ("blmcair"): "diantar" is not "dia" + "ntar" (nanti).
            if (!IsKnown(l) || !_vocabulary.ContainsKey(r) && !_single.ContainsKey(r)) continue;
            // "makan" is not "ma" + "kan": a two-letter piece only as a programme abbreviation at the end ("anaksd").
            if (l.Length < 3 || (r.Length < 3 && !_domainWords.Contains(r))) continue;
            var min = Math.Min(l.Length, r.Length);
            if (min > bestMin) { best = (l, r); bestMin = min; }
        }
        return best;
    }

    /// <summary>
    /// Phone writing drops vowels ("syrat", "hmil", "tahp", "pndamping"): every known word is also reachable
    /// without some of its inner vowels (first letter kept, 3+ letters left); the most frequent word wins.
    /// </summary>
    private void AddWithoutVowels(string word, int freq)
    {
        if (word.Length < 4 || !word.All(char.IsLetter)) return;
        var vowels = Enumerable.Range(1, word.Length - 1).Where(i => "aeiou".Contains(word[i])).Take(8).ToArray();
        for (var mask = 1; mask < 1 << vowels.Length; mask++)
        {
            var sb = new StringBuilder(word.Length);
            for (var i = 0; i < word.Length; i++)
            {
                var at = Array.IndexOf(vowels, i);
                if (at < 0 || (mask & (1 << at)) == 0) sb.Append(word[i]);
            }
            if (sb.Length < 3) continue;
            var v = sb.ToString();
            if (!_withoutVowels.TryGetValue(v, out var existing) || existing.Freq < freq) _withoutVowels[v] = (word, freq);
        }
    }

    private string? SpokenBase(string word)
    {
        foreach (var prefix in SpokenPrefixes)
        {
            if (!word.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = word[prefix.Length..];
            foreach (var body in rest.EndsWith("in", StringComparison.Ordinal) ? new[] { rest, rest[..^2] } : [rest])
                foreach (var stem in new[] { body, "k" + body, "c" + body, "s" + body })
                    if (stem.Length >= 4 && _vocabulary.ContainsKey(stem)) return stem;
        }
        // "usulin", "tanyain": the colloquial -in of -kan/-i.
        return word.EndsWith("in", StringComparison.Ordinal) && word.Length >= 6 && _vocabulary.ContainsKey(word[..^2]) ? word[..^2] : null;
    }

    /// <summary>Longest first: "nge" before "ng" ("ngusul" -> usul); "ny" stands for a dropped s/c ("nyairin" -> cair).</summary>
    private static readonly string[] SpokenPrefixes = ["nge", "ng", "ny"];

    private bool IsKnown(string w) => _vocabulary.ContainsKey(w) || _single.ContainsKey(w) || _slang.ContainsKey(w);

    private static string FoldDoubles(string w)
    {
        var sb = new StringBuilder(w.Length);
        foreach (var c in w)
            if (!(sb.Length > 0 && sb[^1] == c && char.IsLetter(c))) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// A stated age is the component it falls in: "bayi umur 8 bulan", "anak usia 5 tahun" -> balita, "anak umur 10
    /// tahun" -> sekolah (the words "umur 5 tahun" would otherwise pull the question to the lansia age limit);
    /// "umur 68" -> lansia as well. An age is a number after umur/usia or after a child word; "sudah 8 bulan tidak
    /// cair" is a duration, not an age. School age needs a child in the question ("umur 17" alone may be a mother).
    /// How far a pregnancy is ("hamil 5 bulan") is dropped: it changes nothing in the answer.
    /// </summary>
    private static void AgeAsComponent(List<string> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!int.TryParse(tokens[i], out var n)) continue;
            var before = tokens[i - 1];
            var unit = i + 1 < tokens.Count && tokens[i + 1] is "bulan" or "tahun" ? tokens[i + 1] : null;
            // "hamil 5 bulan": how far along, not a duration ("cair 2 bulan") nor an age: the words go.
            if (PregnancyWords.Contains(before) && unit == "bulan")
            {
                tokens.RemoveRange(i, 2);
                i--;
                continue;
            }
            var afterAgeWord = before is "umur" or "usia";
            // "mbahku sudah 68 tahun": an old person's age, said without "umur".
            if (!afterAgeWord && unit == "tahun" && n is >= 60 and < 120)
            {
                tokens.Add("usia");
                tokens.Add("lansia");
                return;
            }
            if (!afterAgeWord && !(ChildWords.Contains(before) && unit is not null)) continue;
            var component = unit == "bulan" || n <= 6 ? "balita"
                : n <= 21 && tokens.Any(ChildWords.Contains) ? "sekolah"
                : null;
            if (component is not null)
            {
                // The age words go: what is left asks about a young child, or a child at school.
                var start = afterAgeWord ? i - 1 : i;
                tokens.RemoveRange(start, i - start + 1 + (unit is null ? 0 : 1));
                tokens.Insert(start, component);
                return;
            }
            if (n >= 60 && n < 120) { tokens.Add("lansia"); return; }
        }
    }

    private static readonly HashSet<string> PregnancyWords = ["hamil", "bumil", "mbobot", "meteng", "ngandung", "mengandung"];

    private static readonly HashSet<string> ChildWords = ["anak", "anakku", "bayi", "bayiku", "balita", "cucu", "cucuku", "putra", "putri"];

    /// <summary>
    /// "berapa" asks for money unless a counted thing follows ("berapa kali", "berapa persen") or a
    /// non-money word precedes it ("umur berapa", "ada berapa", "tahap berapa"). Words as from <see cref="Words"/>.
    /// </summary>
    public static bool AsksForAmount(IReadOnlyList<string> words)
    {
        // "... cuma dia yang masuk komponen. Brp per tahap?": money for a period, whatever stands before (sentences run together).
        for (var i = 0; i < words.Count; i++)
            if (words[i] == "berapa" && (PerPeriod(words, i) || PeriodAfter(words, i))) return true;
        // "KPM PKH Bojonegoro tahun 2025 berapa": a count of what stands before it, not money.
        if (CountsBeforeBerapa(words)) return false;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] != "berapa") continue;
            if (i + 1 < words.Count && CountedThings.Contains(words[i + 1])) continue;
            // "per tahap berapa", "sak tahun piro": money for a period, whatever the period word would otherwise ask.
            if (PerPeriod(words, i)) return true;
            if (i > 0 && NotMoneyBefore.Contains(words[i - 1])) continue;
            // "sejak tahun berapa" asks for a year.
            if (i > 0 && words[i - 1] == "tahun") continue;
            return true;
        }
        return false;
    }

    /// <summary>Things counted, not paid ("kpm", "komponen", "modul"): the noun just before "berapa" (small words skipped).</summary>
    private static readonly HashSet<string> CountedBefore =
        ["kpm", "komponen", "modul", "sesi", "orang", "pendamping", "desa", "kecamatan", "kelurahan", "keluarga", "kelompok", "kali", "tahap", "penerima"];

    private static readonly HashSet<string> SmallBeforeCount = ["pkh", "e", "nya", "ne", "ya", "sih", "itu", "ini", "yang", "ada", "maksimal", "paling", "banyak", "semua", "total", "jumlah", "bojonegoro", "tahun", "di", "se", "seluruh", "indonesia", "kabupaten", "per"];

    /// <summary>"kpm bojonegoro ada berapa", "pendamping berapa": a count of a thing just before "berapa" (small words skipped).</summary>
    public static bool CountsBeforeBerapa(IReadOnlyList<string> words)
    {
        var at = words.ToList().IndexOf("berapa");
        if (PerPeriod(words, at)) return false;   // "per tahap berapa": money, not tahap counted
        for (var i = at - 1; i >= 0 && i >= at - 5; i--)
        {
            if (CountedBefore.Contains(words[i])) return true;
            // "KPM PKH Bojonegoro tahun 2025 berapa": the year says when, not what is counted.
            if (!SmallBeforeCount.Contains(words[i]) && !words[i].All(char.IsDigit)) return false;
        }
        return false;
    }

    /// <summary>
    /// "per tahap berapa", "tiap bulan berapa", "sak tahun piro": "berapa" right after a period that "per" opens; "2 tahap
    /// berapa", "tiga tahap piro": the money of that many tahap.
    /// </summary>
    public static bool PerPeriod(IReadOnlyList<string> words, int at)
        => at >= 2 && words[at - 1] is "tahap" or "tahun" or "bulan" or "triwulan" && words[at - 2] is "per" or "tiap" or "setiap" or "dalam" or "sak" or "saben" or "sekali"
           || at >= 2 && words[at - 1] == "tahap" && (words[at - 2] is "dua" or "tiga" or "empat" or "loro" or "telu" or "papat" || words[at - 2] is ['2' or '3' or '4']);

    /// <summary>"berapa per tahap", "berapa setahun", "berapa sekali cair".</summary>
    private static bool PeriodAfter(IReadOnlyList<string> words, int at)
        => at + 1 < words.Count && words[at + 1] is "setahun" or "sebulan" or "setaun"
           || at + 2 < words.Count && words[at + 1] is "per" or "tiap" or "setiap" or "saben" or "sekali" && words[at + 2] is "tahap" or "tahun" or "bulan" or "cair";

    /// <summary>Added to a question that asks for money: the canonical word of the amount rules in synonyms.txt.</summary>
    public const string AmountWord = "besaran";

    /// <summary>What "itu apa" reads as (synonyms.txt): the word a definition pair is found by.</summary>
    private const string MeaningWord = "pengertian";

    private static readonly HashSet<string> CountedThings =
        ["kali", "orang", "persen", "hari", "lama", "anak", "komponen", "balita", "lansia", "kecamatan", "desa", "kpm",
         "pendamping", "keluarga", "tahap", "bulan", "tahun", "kk", "jumlah", "banyak", "kelompok", "jam", "tanggal",
         "maksimal", "minimal", "maks", "paling"];   // "berapa maksimal balita": a limit, not money

    private static readonly HashSet<string> NotMoneyBefore =
        ["ada", "usia", "umur", "tanggal", "tahap", "desil", "kelas", "jam", "nomor", "ke", "kali", "jumlah", "angka"];

    /// <summary>
    /// Lower case, letters and digits only, "berapaaa" -> "berapaa", "anak2" -> "anak", "tahap2" -> "tahap 2",
    /// "300rb" -> "300 rb", "3x" -> "3 x".
    /// </summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var sb = new StringBuilder(text.Length);
        var chars = text.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < chars.Length; i++)
        {
            var ch = chars[i];
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            // 225.000 -> 225000; "2,4jt" stays one number (no stray "4" to match "4 komponen")
            else if (c is '.' or ',' && sb.Length > 0 && char.IsDigit(sb[^1]) && i + 1 < chars.Length && char.IsDigit(chars[i + 1])) continue;
            // "bumil + 1 balita", "1 SD & 1 SMP": a sign that joins two people, as the word does.
            else if (c is '+' or '&') sb.Append(" dan ");
            else sb.Append(' ');
        }
        foreach (var raw in sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Squeeze(raw);
            // "dua2nya" (both of them), "anak2ku": a repeated word with an ending is the word.
            if (RepeatedWithEnding().Match(w) is { Success: true } repeated) { yield return repeated.Groups[1].Value; continue; }
            var boundary = DigitBoundary(w);
            if (boundary < 0) { yield return w; continue; }
            var (left, right) = (w[..boundary], w[boundary..]);
            if (char.IsLetter(left[0]) && right == "2" && left.Length >= 3 && !NumberedWords.Contains(left))
                yield return left;   // "anak2" = "anak-anak", "cair2"
            else
            {
                yield return left;
                yield return right;
            }
        }
    }

    [GeneratedRegex("^([a-z]{3,})2(nya|ne|e|ku|mu)$")]
    private static partial Regex RepeatedWithEnding();

    /// <summary>Words that take a number ("tahap2", "kls3", "ke2"): a digit after them is the number, not a repeat.</summary>
    private static readonly HashSet<string> NumberedWords =
        ["tahap", "thp", "kelas", "kls", "desil", "modul", "sesi", "tw", "triwulan", "termin", "ke", "tahun", "thn", "umur"];

    /// <summary>Where "tahap2" / "300rb" switch between letters and digits, when they do exactly once (not "p2k2", "s1").</summary>
    private static int DigitBoundary(string w)
    {
        if (w.Length < 2) return -1;
        var switches = 0;
        var at = -1;
        for (var i = 1; i < w.Length; i++)
            if (char.IsDigit(w[i]) != char.IsDigit(w[i - 1])) { switches++; at = i; }
        return switches == 1 && (char.IsLetter(w[0]) ? at >= 2 : w.Length - at >= 1) ? at : -1;
    }

    private static string Squeeze(string w)
    {
        if (w.Length < 4) return w;
        var sb = new StringBuilder(w.Length);
        foreach (var c in w)
            if (!(sb.Length >= 2 && sb[^1] == c && sb[^2] == c && char.IsLetter(c))) sb.Append(c);
        return sb.ToString();
    }

    private void AddWords(string text)
    {
        foreach (var t in Tokens(text))
            if (t.Length >= 2 && !t.All(char.IsDigit)) _vocabulary[t] = _vocabulary.GetValueOrDefault(t) + 1;
    }

    /// <summary>Unknown words of 6+ letters snap to the most frequent known word one edit away (two for 9+), same first letter.</summary>
    private string Correct(string word)
    {
        if (word.Length < 4 || _vocabulary.ContainsKey(word) || word.Any(char.IsDigit)) return word;
        // Javanese/Indonesian possessive endings: "balitaku", "sekolahe", "duite", "pendampinge", "anaknya".
        foreach (var suffix in Suffixes)
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal) && IsKnown(word[..^suffix.Length]))
                return word[..^suffix.Length];
        // Spoken verb forms: "ngusulin", "nyairin", "ngurusin" -> usul, cair, urus (a known base of 4+ letters).
        if (SpokenBase(word) is { } spoken) return spoken;
        // "berjualan", "perangkat", "kandang": a real word, not a slip for "berjalan", "peringkat", "kadang".
        if (_everydayWords.Contains(word)) return word;
        if (_withoutVowels.TryGetValue(word, out var full)) return full.Word;
        if (word.Length < 6) return word;   // "beras"/"berat", "kapas"/"kapan": short words are too close to guess
        var maxEdits = word.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFreq = 0;
        for (var len = Math.Max(0, word.Length - maxEdits); len <= word.Length + maxEdits && len < _vocabularyByLength.Length; len++)
        {
            foreach (var candidate in _vocabularyByLength[len])
            {
                if (candidate[0] != word[0]) continue;   // people rarely mistype the first letter
                var d = Distance(word, candidate, maxEdits);
                if (d > maxEdits) continue;
                var freq = _vocabulary[candidate];
                if (d < bestDistance || (d == bestDistance && freq > bestFreq))
                {
                    best = candidate;
                    bestDistance = d;
                    bestFreq = freq;
                }
            }
        }
        return best ?? word;
    }

    /// <summary>
    /// Optimal string alignment distance (a swap of two letters counts once), cut off above max. A letter typed for another
    /// counts once when a phone would make that slip (a neighbouring key) or the spoken language does (a/o, e/i, o/u, e/a:
    /// "piro", "kemaren", "nomer"); any other counts twice, so a real word is not "corrected" into another one ("tinggal" is
    /// not "tanggal", "bilang" not "bidang").
    /// </summary>
    internal static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : Slip(a[i - 1], b[j - 1]) ? 1 : 2;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }

    private static bool Slip(char x, char y)
        => Neighbours.TryGetValue(x, out var keys) && keys.Contains(y)
           || SpokenVowels.Contains((x, y)) || SpokenVowels.Contains((y, x));

    /// <summary>Keys around each letter on a QWERTY phone keyboard.</summary>
    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrsd", ['r'] = "etdf", ['t'] = "ryfg", ['y'] = "tugh", ['u'] = "yihj", ['i'] = "uojk",
        ['o'] = "ipkl", ['p'] = "ol", ['a'] = "qwsz", ['s'] = "adwezx", ['d'] = "sferxc", ['f'] = "dgrtcv", ['g'] = "fhtyvb",
        ['h'] = "gjyubn", ['j'] = "hkuinm", ['k'] = "jliom", ['l'] = "kop", ['z'] = "asx", ['x'] = "zcsd", ['c'] = "xvdf",
        ['v'] = "cbfg", ['b'] = "vngh", ['n'] = "bmhj", ['m'] = "njk",
    };

    private static readonly HashSet<(char, char)> SpokenVowels = [('a', 'o'), ('e', 'i'), ('o', 'u'), ('e', 'a')];
}
