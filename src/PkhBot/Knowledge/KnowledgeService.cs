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
    Ai.AiCalls? calls = null)
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
        if (string.IsNullOrWhiteSpace(question)) return (Answer.DontKnow(0), false);
        var terms = index.QueryTerms(question);
        if (!index.IsAboutPkh(terms)) return (Answer.DontKnow(0), false);
        // Still a PKH question (a score above 0): a KPM is offered a person. The LLM has nothing to ground it on.
        if (index.NotCovered(terms)) return (Answer.DontKnow(NotCoveredScore), false);
        var hits = new KnowledgePlugin(index).Search(question, 5);
        if (AsksForAmount(question, terms)) hits = PreferAmounts(hits);
        // Still about PKH (the score stays above 0): a KPM is offered a person to pass the question to.
        if (hits.Count == 0 || hits[0].Score < options.Value.MinScore || hits[0].Coverage < options.Value.MinCoverage || index.MostlyUnknown(terms))
            return (Answer.DontKnow(hits.Count == 0 ? 0 : Math.Round(hits[0].Score, 3)), true);

        var top = hits[0];
        var body = top.IsFaq ? top.Text : BestPassage(top.Text, terms, options.Value.MaxAnswerChars);
        return (new Answer(body, KnowledgeTexts.SourceLine(top.Document, top.Section), true,
            [new AnswerSource(top.Document.Title, top.Section)], Math.Round(top.Score, 3)), true);
    }

    /// <summary>
    /// "piro", "duit", "nominal" (mapped to "besaran"), or "berapa" not followed by a counted thing
    /// ("berapa kali", "berapa orang", "berapa balita") asks for money (see <see cref="QueryNormalizer.AsksForAmount"/>).
    /// </summary>
    private bool AsksForAmount(string question, IReadOnlyList<QueryTerm> terms)
        => terms.Any(t => t.Weight >= 1f && t.Text == AmountStem) || QueryNormalizer.AsksForAmount(index.Normalizer.Words(question).ToList());

    /// <summary>Among close hits, one that states a rupiah amount goes first.</summary>
    private static IReadOnlyList<KnowledgeHit> PreferAmounts(IReadOnlyList<KnowledgeHit> hits)
        => hits.OrderByDescending(h => h.Score * (h.Text.Contains("Rp", StringComparison.Ordinal) ? AmountBonus : 1f)).ToList();

    private const float AmountBonus = 1.25f;
    private const string AmountStem = "besar";   // IndonesianAnalyzer("besaran")

    /// <summary>The line (or sentence) with most query terms, and what follows it while it fits.</summary>
    private string BestPassage(string text, IReadOnlyList<QueryTerm> terms, int max)
    {
        var units = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(l => l.Length <= max ? [l] : l.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.EndsWith('.') ? s : s + "."))
            .ToList();
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < units.Count; i++)
        {
            var stems = index.Analyze(units[i]).ToHashSet();
            var s = terms.Count(t => stems.Contains(t.Text));
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
