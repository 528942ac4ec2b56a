using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PkhBot.Knowledge;

/// <summary>
/// Answers a programme question: the one code path for chat and CLI. Offline (default) it is extractive:
/// the best FAQ answer or the best passage, with its source, or "saya belum tahu" when the question is not
/// about PKH or nothing scores high enough. With an LLM configured it asks the LLM (grounded on the same
/// search) and falls back to the offline answer on any failure or timeout. Thread-safe; cheap to construct.
/// In chat the LLM is asked before the update's transaction (<see cref="KnowledgePreparer"/>), never inside it.
/// </summary>
public sealed partial class KnowledgeService(
    KnowledgeIndex index,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeService>? log = null,
    LlmAnswerer? llm = null,
    Ai.AiCalls? calls = null,
    TimeProvider? clock = null)
{
    private readonly ILogger _log = log ?? NullLogger<KnowledgeService>.Instance;

    /// <summary>For benchmarks and tests: an offline service over a content folder.</summary>
    public static KnowledgeService CreateOffline(string? path = null, KnowledgeOptions? knowledgeOptions = null)
    {
        var o = knowledgeOptions ?? new KnowledgeOptions();
        if (path is not null) o.Path = path;
        return new KnowledgeService(KnowledgeIndex.Load(o.ResolvedPath), Options.Create(o));
    }

    public KnowledgeIndex Index => index;

    /// <summary>Whether <see cref="AnswerAsync"/> would ask the LLM (configured, and a PKH question the documents cover).</summary>
    public bool WouldAskLlm(string question) => llm is not null && Offline(question).AskLlm;

    /// <summary>The answer, from the LLM when one is configured and worth asking; a network call: never inside a transaction.</summary>
    public async Task<Answer> AnswerAsync(string question, CancellationToken ct)
    {
        var (offline, askLlm) = Offline(question);
        if (llm is null || !askLlm) return offline;   // outside PKH, or a topic the documents lack: no need to ask anyone
        try
        {
            // Bounded (Ai:MaxConcurrentCalls) and cut after Ai:TimeoutSeconds; without AiCalls (tests) only the caller's token.
            var answer = calls is null ? await llm.AnswerAsync(question, ct) : await calls.RunAsync(c => llm.AnswerAsync(question, c), ct);
            return answer ?? offline;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogLlmFailed(ex.GetType().Name);
            return offline;
        }
    }

    private const double NotCoveredScore = 0.001;

    /// <summary>The extractive answer (no LLM, no I/O).</summary>
    public Answer AnswerOffline(string question) => Offline(question).Answer;

    private (Answer Answer, bool AskLlm) Offline(string question)
    {
        if (string.IsNullOrWhiteSpace(question)) return (Answer.OutOfScope(), false);
        // Normalised once: the words (slang, typos), then their expansion and the search terms.
        var words = index.Normalizer.Words(question).ToList();
        var parts = index.Normalizer.ExpandParts(words);
        var terms = index.QueryTerms(parts);
        // "berapa yang saya dapat?": the question a KPM asks most, about PKH even without a PKH word.
        if (AsksOwnBenefit(words)) return (BenefitHint(), false);
        // Not PKH; another social assistance programme also gets the people and the line that can answer it.
        if (!index.IsAboutPkh(terms, words)) return (index.NamesOtherAid(terms, words) ? Answer.OtherAid() : Answer.OutOfScope(), false);
        // "berapa yang saya dapat" with the family's komponen: our own arithmetic, no passage and no LLM needed.
        // "..., contohnya anak SD disabilitas": the example is not the asker's family, nor the question's subject.
        var beforeExample = QuestionClauses.BeforeExample(question);
        var family = index.Families?.Parse(words);   // read once: for the calculator and for whether money is asked of a komponen
        if ((Calculate(words, family, beforeExample is not null) ?? ChildrenCaps(words)) is { } sum) return (sum, false);
        // "ucapan ulang tahun buat anak saya", "pendaftaran SD negeri kapan": only everyday words PKH also uses. Unanswered,
        // it is another topic, not a PKH question the facts lack: the scope text, no hand-off, no LLM.
        // "tahun 2019 lansia setahun dapat berapa": money asked for a komponen is the programme's, whatever words it uses.
        var pkhWords = index.NamesPkhItself(terms) || (family is not null && AsksForAmount(words, terms));
        (Answer, bool) Unknown(double score) => pkhWords ? (Answer.DontKnow(score), true) : (Answer.OutOfScope(), false);
        // Still a PKH question (a score above 0): a KPM is offered a person. The LLM has nothing to ground it on.
        if (index.NotCovered(terms, index.Normalizer.WordsWithGaps(question).ToList())) return (Answer.DontKnow(NotCoveredScore), false);
        // "usulan saya sudah disetujui belum?": the asker's own case is in no document (nor known to an LLM).
        // "desil saya berapa": a value of the asker's own record, in no document either.
        if (OwnCaseStatus.Asks(words) || OwnCaseStatus.AsksOwnValue(words)) return (Answer.DontKnow(NotCoveredScore), false);
        // "... peraturan apa ya? Untuk bahan sosialisasi di balai desa": what follows the last question is why one asks.
        // Its words still search, weakly (they do not count for coverage); an unknown word there names no subject and it
        // names no anchor word.
        var asked = QuestionClauses.AskedPart(question, index.Normalizer) is { } part ? index.Normalizer.Words(part).ToList() : null;
        var askedTerms = asked is null ? terms : AskedTerms(terms, asked);
        var hits = asked is null ? new KnowledgePlugin(index).Search(question, 5) : index.Search(ReasonWeak(terms, askedTerms), 5);
        if (AsksForAmount(words, terms)) hits = PreferAmounts(hits);
        var o = options.Value;
        var unknown = index.UnknownWords(askedTerms);
        // "tolong bikinin pantun buat anak SD": no word of the programme itself, and two words of a subject the knowledge base
        // does not know.
        if (!pkhWords && unknown.Count(w => w.Length >= SubjectWordLength) >= 2) return (Answer.OutOfScope(), false);
        // Still about PKH (the score stays above 0): a KPM is offered a person to pass the question to.
        if (hits.Count == 0 || hits[0].Score < o.MinScore || hits[0].Coverage < o.MinCoverage || KnowledgeIndex.MostlyUnknown(askedTerms, unknown))
            return Unknown(hits.Count == 0 ? 0 : Math.Round(hits[0].Score, 3));

        // The best passage that answers what was asked (its kind and subject); none fits -> "belum tahu", not a confident wrong answer.
        var kind = AnswerFit.KindOf(words);
        // "periksa nifas dalam berapa hari", "P2K2 ada berapa modul": the answer counts in that unit.
        var unit = QuestionFocus.Unit(words);
        // The subject as typed and as normalised ("simbah" is lansia, "anakku umur 7" a child at school).
        var subjectWords = words.Concat(parts.Original.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // The question's most specific programme word must be in the answer's entry: a passage that shares only its
        // other words answers something else. The next passage is measured against the best one that holds it.
        var specific = index.Specific(terms, beforeExample is not null ? index.Normalizer.Words(beforeExample).ToList() : asked ?? words);
        var best = Math.Round(hits[0].Score, 3);
        // "kewajibannya apa", "melahirkan harus di mana", "motor berapa": an entry that never names what is asked about
        // answers another question, however many other words it shares.
        var focus = QuestionFocus.Word(asked ?? words, index.Normalizer.Canonical, asked is null ? kind : AnswerFit.KindOf(asked)) is { } f ? index.FocusStems(f) : [];
        // "PKH otomatis dapat KIP Kuliah?": another programme the question names must be in the answer's entry too.
        var others = index.OtherProgramsNamed(askedTerms, asked ?? words);
        hits = hits.Where(h => index.Holds(h, specific) && index.HoldsAny(h, focus) && index.AsksWhatThePairIsAbout(h, terms) && index.HoldsAll(h, others)).ToList();
        if (hits.Count == 0) return Unknown(best);
        var floor = Math.Max(o.MinScore, hits[0].Score * NextHitShare);
        // A word the knowledge base does not know at all ("anak yatim", "janda") may be what the question is about:
        // then the passage must hold two in five of the question's words (question words not counted), not the usual share.
        // A longer one ("malaysia", "beras", a desa's name; not a leftover particle like "ndi") names a subject the facts
        // lack: then the passage must hold half of the question's other words.
        var unknownCoverage = unknown.Any(w => w.Length >= SubjectWordLength) ? UnknownSubjectCoverage
            : unknown.Count > 0 ? UnknownWordCoverage : 0;
        // "kecamatan Wonokerto", "desa Sidomukti": an answer must name the place, not give the kabupaten's or nation's rule.
        var places = index.PlaceNames(words);
        // "PKH th 2017 SMP dapat berapa": a figure or a status is the year's own; "tahap 1 2026 kapan cair": a schedule holds every year.
        var years = kind == AnswerKind.Date ? new HashSet<int>() : AskedYears.Of(words);
        // "KPM PKH Bojonegoro ada berapa", "berapa persen KPM Bojonegoro desil 1": the kabupaten's count, not the nation's.
        var kabupaten = kind is AnswerKind.Count or AnswerKind.Percent && words.Contains(o.Kabupaten.ToLowerInvariant());
        // "kuota pkh desa saya ada berapa": a count for one's own desa; the facts count only the kabupaten and the nation.
        if (kind is AnswerKind.Count or AnswerKind.Number && KnowledgeIndex.NamesOwnPlace(words)) return Unknown(Math.Round(hits[0].Score, 3));
        // "nomor rekening saya berapa": the asker's own number is in no document; a number from one would be a guess.
        if (kind is AnswerKind.Number && AnswerFit.AsksOwnNumber(words)) return Unknown(Math.Round(hits[0].Score, 3));
        var candidates = new List<(KnowledgeHit Hit, string Body, AnswerFit.SubjectFit Subject)>();
        foreach (var hit in hits)
        {
            if (hit.Score < floor || hit.Coverage < o.MinCoverage) continue;
            if (unknownCoverage > 0 && index.ContentCoverage(hit, terms) < Math.Max(o.MinCoverage, unknownCoverage)) continue;
            // Without a word of the programme itself ("cara daftar cpns"), only an entry holding half of the question's words answers it.
            if (!pkhWords && index.ContentCoverage(hit, askedTerms) < EverydayCoverage) continue;
            // Nothing further down can go first any more: stop cutting passages (the answer time).
            if (candidates.Count > 0 && (candidates[^1].Subject == AnswerFit.SubjectFit.Named || hit.Score < candidates[0].Hit.Score * NamedSubjectShare)) break;
            var body = hit.IsFaq ? hit.Text : BestPassage(hit.Text, terms, o.MaxAnswerChars, kind);
            if (!AnswerFit.FitsKind(kind, body) || !QuestionFocus.FitsUnit(unit, body)) continue;
            // "Bukan." / "Ya." rules on the question's claim: the entry must hold half of what the claim says, or it rules on
            // another claim ("lulus bansos dapat usaha 5 juta, bener?" is not the wrong-figures pair's "Bukan").
            if (AnswerFit.IsVerdict(body) && index.ContentCoverage(hit, askedTerms) < VerdictCoverage) continue;
            if (!places.All(p => body.Contains(p, StringComparison.OrdinalIgnoreCase))) continue;
            if (kabupaten && !SpeaksFor(hit, body, o.Kabupaten)) continue;
            if (!AskedYears.Answers(hit, body, years)) continue;
            // An FAQ pair is about what its questions ask; a passage, with its section heading.
            var subject = index.Fit.SubjectOf(subjectWords, (hit.Faq is { } faq ? string.Join(" ", faq.Questions) : hit.Section) + " " + body);
            if (subject != AnswerFit.SubjectFit.Other) candidates.Add((hit, body, subject));
        }
        if (candidates.Count == 0) return Unknown(Math.Round(hits[0].Score, 3));
        // Close to the best, a passage that names the asked subject ("balita", "lansia") beats one that names none;
        // "desil itu apa" (what a word means) is answered by the pair that says what it means, not by a rule that uses it.
        var chosen = candidates.FirstOrDefault(c => c.Subject == AnswerFit.SubjectFit.Named && c.Hit.Score >= candidates[0].Hit.Score * NamedSubjectShare);
        if (AnswerFit.AsksMeaning(words) && candidates.FirstOrDefault(c => c.Hit.Faq is { } f && f.Questions.Any(AnswerFit.AsksMeaning)
                && c.Hit.Score >= candidates[0].Hit.Score * NamedSubjectShare) is { Hit: not null } meaning)
            chosen = meaning;
        var (top, text, _) = chosen.Hit is null ? candidates[0] : chosen;
        return (new Answer(text, KnowledgeTexts.SourceLine(top.Document, top.Section), true,
            [new AnswerSource(top.Document.Title, top.Section)], Math.Round(top.Score, 3)), true);
    }

    /// <summary>The question's terms without the stems that occur only in what follows its last asking clause.</summary>
    private IReadOnlyList<QueryTerm> AskedTerms(IReadOnlyList<QueryTerm> terms, IReadOnlyList<string> asked)
    {
        var stems = index.QueryTerms(index.Normalizer.ExpandParts(asked)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return terms.Where(t => stems.Contains(t.Text)).ToList();
    }

    /// <summary>The passage, its section, its document or its FAQ questions name the kabupaten.</summary>
    private static bool SpeaksFor(KnowledgeHit hit, string body, string kabupaten)
        => body.Contains(kabupaten, StringComparison.OrdinalIgnoreCase) || hit.Title.Contains(kabupaten, StringComparison.OrdinalIgnoreCase)
           || hit.Section.Contains(kabupaten, StringComparison.OrdinalIgnoreCase)
           || hit.Faq?.Questions.Any(q => q.Contains(kabupaten, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The question's terms with those only the reason after the question names weighted like an expansion.</summary>
    private static IReadOnlyList<QueryTerm> ReasonWeak(IReadOnlyList<QueryTerm> terms, IReadOnlyList<QueryTerm> asked)
    {
        var stems = asked.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return terms.Select(t => stems.Contains(t.Text) ? t : t with { Weight = Math.Min(t.Weight, ReasonWeight) }).ToList();
    }

    private const float ReasonWeight = 0.4f;

    private const double VerdictCoverage = 0.5;

    private const double EverydayCoverage = 0.5;

    private const double UnknownWordCoverage = 0.4, UnknownSubjectCoverage = 0.5;

    /// <summary>An unknown word this long is taken for a subject, not a leftover particle or typo ("ndi", "tau", "po").</summary>
    private const int SubjectWordLength = 4;

    /// <summary>A passage further down may answer when the best does not fit, but not one far below it.</summary>
    private const double NextHitShare = 0.5;

    /// <summary>How far below the best fitting passage one that names the asked subject may be and still go first.</summary>
    private const double NamedSubjectShare = 0.75;

    /// <summary>
    /// A question for money ("berapa", "totalnya", "per tahap") that names the family's komponen with a count, an age
    /// or two people at least: the calculator's estimate with its arithmetic. Otherwise null (a rule question).
    /// </summary>
    /// <param name="family">The komponen the question names (<see cref="FamilyParser.Parse"/>), null when none.</param>
    /// <param name="example">The question illustrates itself with an example ("contohnya anak SD disabilitas"): those are not its family.</param>
    private Answer? Calculate(IReadOnlyList<string> words, Family? family, bool example)
    {
        if (index.Calculator is not { } calculator || index.Families is not { } families) return null;
        // "ngaruh ora nang duit pkh e", "dipotong piro": whether money is affected, or a cut, not the family's sum.
        if (words.Any(EffectWords.Contains)) return null;
        var money = QueryNormalizer.AsksForAmount(words) || words.Where((w, i) => MoneyWords.Contains(w) && !Counted(words, i)).Any() && !words.Contains("tidak");
        // "tahun 2019 ibu hamil dapat berapa": the table holds the amounts of its years; an earlier year is a passage's to answer.
        if (AskedYears.Of(words).Any(y => y < calculator.Table.FirstYear)) return null;
        // One komponen named without a count is a rule question ("anak SD dapat berapa"), unless a total is asked for, or the
        // money of a period ("bumil sekali cair oleh piro", "lansia sebulan berapa"): the amounts' own table answers that.
        var periodMoney = money && (words.Any(OnePeriodWords.Contains) || words.Where((w, i) => w is "tahap" or "tahun" or "bulan" && i > 0 && words[i - 1] is "per" or "tiap" or "setiap" or "saben").Any())
                          && family?.Persons == 1;
        if (family is null || (!family.Explicit && !periodMoney && family.Persons + family.Uncounted + family.Graduated < 2
            && !words.Where((w, i) => TotalWords.Contains(w) && !Counted(words, i)).Any())) return null;
        // "2 anak SD dan 1 SMP per tahap": a period and written counts, asked without "berapa". "SD 3, SMP 2, dapat semua?":
        // written counts beyond a cap; which ones are counted is the answer.
        var estimate = calculator.Estimate(family, (clock ?? TimeProvider.System).GetUtcNow().Year);
        // "mbah lansia dan adik disabilitas, dua-duanya dihitung?": who of them is counted is what the estimate shows.
        // More children than the levels named ("anakku papat, SD SMP SMA, dietung kabeh?") is for the caps (ChildrenCaps).
        var asksCounted = !example && family.Persons >= 2 && words.Any(CountedWords.Contains) && families.UnleveledChildren(words) is null;
        // "lahir 3 bulan lalu": a number's months or years are a time, not the period asked for.
        var period = words.Where((w, i) => PeriodWords.Contains(w) && !(w is "bulan" or "tahun" && i > 0 && int.TryParse(words[i - 1], out _))).Any();
        if (!money && !asksCounted && !(family.Explicit && period && !words.Any(OtherQuestionWords.Contains))
            && !(family.Explicit && estimate.Capped)) return null;
        int? months = FamilyParser.AsksPerMonth(words) ? 12 / calculator.Table.Rule("tahap_per_tahun").Value : null;
        return new Answer(BenefitCalculator.Describe(estimate, FamilyParser.Tahap(words), months), KnowledgeTexts.BenefitSourceLine(estimate.Source), true,
            [new AnswerSource(KnowledgeTexts.BenefitSourceTitle, KnowledgeTexts.BenefitSourceSection)], CalculatorScore);
    }

    private const double CalculatorScore = 100;

    /// <summary>Only words of "how much do I get" (no other topic): "berapa yang saya dapat?", "aku oleh piro to".</summary>
    private bool AsksOwnBenefit(IReadOnlyList<string> words)
        => index.Calculator is not null && words.Count > 0 && words.Contains("berapa")
           && words.Any(OwnWords.Contains) && words.Any(ReceiveWords.Contains) && words.All(w => OwnBenefitWords.Contains(w));

    private static readonly HashSet<string> OwnWords = ["saya", "aku", "kami", "keluarga", "keluargaku", "kita"];
    private static readonly HashSet<string> ReceiveWords = ["dapat", "dapet", "oleh", "entuk", "terima", "nerima", "menerima", "cair", "diterima", "didapat"];
    private static readonly HashSet<string> OwnBenefitWords =
        [.. OwnWords, .. ReceiveWords, "berapa", "yang", "sing", "bisa", "bu", "pak", "ya", "sih", "to", "nanti", "kira", "kirakira", "bantuan", "pkh",
         "total", "totalnya", "sekali", "per", "tahap", "setahun", "tahun", "ini", "itu", "sebenarnya", "kalau", "kalo", "jadi", "nya", "uang", "duit"];

    /// <summary>What the family gets depends on its komponen: the amounts per komponen and how to ask for the sum.</summary>
    private Answer BenefitHint()
    {
        var table = index.Calculator!.Table;
        var amounts = string.Join("; ", table.Komponen.Select(k => $"{k.Name} {KnowledgeTexts.Rupiah(k.PerTahap)}"));
        return new Answer(KnowledgeTexts.BenefitHint(amounts), KnowledgeTexts.BenefitSourceLine(table.Komponen[0].Source), true,
            [new AnswerSource(KnowledgeTexts.BenefitSourceTitle, KnowledgeTexts.BenefitSourceSection)], CalculatorScore);
    }

    /// <summary>"anak saya 5, semua sekolah, apa semua dapat?": more children than any cap; the caps are the answer.</summary>
    private Answer? ChildrenCaps(IReadOnlyList<string> words)
    {
        if (index.Calculator is not { } calculator || index.Families?.UnleveledChildren(words) is not { } n) return null;
        var table = calculator.Table;
        var cap = Math.Min(table.Rule("maks_anak").Value, table.Rule("maks_komponen").Value);
        if (n <= cap) return null;
        var body = KnowledgeTexts.ChildrenCaps(n, table.Rule("maks_komponen").Text, table.Rule("maks_aud").Text, table.Rule("maks_anak").Text);
        return new Answer(body, KnowledgeTexts.BenefitSourceLine(table.Rule("maks_komponen").Source), true,
            [new AnswerSource(KnowledgeTexts.BenefitSourceTitle, KnowledgeTexts.BenefitSourceSection)], CalculatorScore);
    }

    /// <summary>Words of an effect on the money (a cut, an influence): asked with "berapa" they ask the cut, not the sum.</summary>
    private static readonly HashSet<string> EffectWords =
        ["dipotong", "potong", "potongan", "terpotong", "dikurangi", "berkurang", "ngaruh", "pengaruh", "berpengaruh", "mempengaruhi", "ngefek", "efek"];

    private static readonly HashSet<string> MoneyWords =
        ["total", "totalnya", "totale", "nominal", "nominalnya", "duit", "uang", "rupiah", "hitung", "hitungan", "itung", "itungan", "hitungkan"];

    /// <summary>"kok belum masuk hitungan": being counted as a komponen, not a sum asked for.</summary>
    private static bool Counted(IReadOnlyList<string> words, int i) => i > 0 && words[i - 1] is "masuk" or "dalam" or "mlebu";

    private static readonly HashSet<string> TotalWords = ["total", "totalnya", "totale", "hitung", "hitungan", "itung", "itungan", "hitungkan"];

    private static readonly HashSet<string> CountedWords = ["dihitung", "diitung", "dietung", "keitung", "kehitung", "terhitung"];

    /// <summary>Words of one period's money ("sekali cair", "sebulan", "setahun"): not "tahap" or "cair" alone, which rule questions use.</summary>
    private static readonly HashSet<string> OnePeriodWords = ["sekali", "sebulan", "setahun", "triwulan"];

    private static readonly HashSet<string> PeriodWords = ["tahap", "setahun", "sekali", "cair", "tahun", "bulan", "sebulan", "triwulan"];

    private static readonly HashSet<string> OtherQuestionWords =
        ["kapan", "bagaimana", "apa", "apakah", "kenapa", "boleh", "bisa", "kali", "syarat", "wajib", "dihitung"];

    /// <summary>
    /// "piro", "duit", "nominal" (mapped to "besaran"), or "berapa" not followed by a counted thing
    /// ("berapa kali", "berapa orang", "berapa balita") asks for money (see <see cref="QueryNormalizer.AsksForAmount"/>).
    /// </summary>
    private static bool AsksForAmount(IReadOnlyList<string> words, IReadOnlyList<QueryTerm> terms)
        => terms.Any(t => t.Weight >= 1f && t.Text == AmountStem) || QueryNormalizer.AsksForAmount(words);

    /// <summary>Among close hits, one that states a rupiah amount goes first.</summary>
    private static IReadOnlyList<KnowledgeHit> PreferAmounts(IReadOnlyList<KnowledgeHit> hits)
        => hits.OrderByDescending(h => h.Score * (h.Text.Contains("Rp", StringComparison.Ordinal) ? AmountBonus : 1f)).ToList();

    private const float AmountBonus = 1.25f;
    private const string AmountStem = "besar";   // IndonesianAnalyzer("besaran")

    /// <summary>The line (or sentence) with most query terms (a line of the asked kind preferred), and what follows it while it fits.</summary>
    private string BestPassage(string text, IReadOnlyList<QueryTerm> terms, int max, AnswerKind kind)
    {
        var units = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(l => l.Length <= max ? [l] : l.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.EndsWith('.') ? s : s + "."))
            .ToList();
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < units.Count; i++)
        {
            var stems = index.Analyze(units[i]).ToHashSet();
            // A line of the asked kind (an age, a date...) counts like one more matching word.
            var s = terms.Count(t => stems.Contains(t.Text)) + (kind != AnswerKind.Any && AnswerFit.FitsKind(kind, units[i]) ? 1 : 0);
            if (s > bestScore) { best = i; bestScore = s; }
        }
        var picked = new List<string> { Cut(units[best], max) };
        var length = picked[0].Length;
        for (var i = best + 1; i < units.Count && length + units[i].Length + 1 <= max; i++)
        {
            picked.Add(units[i]);
            length += units[i].Length + 1;
        }
        return string.Join("\n", picked);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..s.LastIndexOf(' ', max - 2)] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM answer failed ({Error}); using the offline answer")]
    private partial void LogLlmFailed(string error);
}
