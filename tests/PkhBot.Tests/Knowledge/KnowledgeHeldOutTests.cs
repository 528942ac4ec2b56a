using System.Text.RegularExpressions;
using PkhBot.Knowledge;
using Xunit.Abstractions;

namespace PkhBot.Tests.Knowledge;

/// <summary>
/// The frozen held-out set (eval-heldout.tsv), written from the fact sheet by someone who never saw the code,
/// before the changes it measures. Never edited, never tuned to: this test prints only aggregate figures, not
/// the individual misses, so that nobody reads them and writes rules for them. Develop on eval-questions.tsv
/// and eval-informal.tsv (the development sets) instead.
/// </summary>
public sealed partial class KnowledgeHeldOutTests(ITestOutputHelper output)
{
    private static readonly Lazy<KnowledgeService> Service = new(() => KnowledgeService.CreateOffline());

    [Fact]
    public async Task Held_out_questions_are_answered_right_and_never_confidently_wrong()
    {
        var cases = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", "eval-heldout.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (Kind: p[0], Question: p[1], Expected: p[2].Split('|', StringSplitOptions.TrimEntries)))
            .ToList();
        Assert.True(cases.Count >= 100, "too few held-out questions");

        int answerable = 0, right = 0, wrong = 0, sums = 0, sumsRight = 0;
        int outOfScope = 0, outOfScopeAbstained = 0, outOfScopeWithScopeText = 0, unknown = 0, unknownAbstained = 0, unknownWithPerson = 0;
        foreach (var (kind, question, expected) in cases)
        {
            var a = await Service.Value.AnswerAsync(question, CancellationToken.None);
            switch (kind)
            {
                case "answer" or "sum":
                    answerable++;
                    var hit = a.Answered && expected.Any(e => kind == "sum" ? ContainsAmount(a.Text, e) : a.Text.Contains(e, StringComparison.OrdinalIgnoreCase));
                    if (hit) right++;
                    else if (a.Answered) wrong++;
                    if (kind == "sum") { sums++; if (hit) sumsRight++; }
                    break;
                case "outofscope":
                    outOfScope++;
                    if (a.Answered) wrong++;
                    else outOfScopeAbstained++;
                    if (!a.Answered && a.Body.Contains("hanya bisa menjawab", StringComparison.OrdinalIgnoreCase)) outOfScopeWithScopeText++;
                    break;
                case "unknown":
                    unknown++;
                    if (a.Answered) wrong++;
                    else unknownAbstained++;
                    if (!a.Answered && a.Body.Contains("171", StringComparison.Ordinal) && a.Body.Contains("pendamping", StringComparison.OrdinalIgnoreCase)) unknownWithPerson++;
                    break;
                default:
                    throw new InvalidDataException($"unknown kind '{kind}'");
            }
        }
        double rightShare = (double)right / answerable, wrongShare = (double)wrong / cases.Count;
        double outShare = (double)outOfScopeAbstained / outOfScope, unknownShare = (double)unknownAbstained / unknown;
        // Aggregates only, on purpose (see the summary).
        output.WriteLine($"held-out: {cases.Count} questions ({answerable} answerable, {outOfScope} out of scope, {unknown} unknown)");
        output.WriteLine($"right: {right}/{answerable} = {rightShare:P1}");
        output.WriteLine($"answered wrongly: {wrong}/{cases.Count} = {wrongShare:P1}");
        output.WriteLine($"out of scope abstained: {outOfScopeAbstained}/{outOfScope} = {outShare:P1} (with the scope text: {outOfScopeWithScopeText})");
        output.WriteLine($"unknown abstained: {unknownAbstained}/{unknown} = {unknownShare:P1} (pointing to pendamping and 171: {unknownWithPerson})");
        output.WriteLine($"sum right: {sumsRight}/{sums}");
        Assert.True(rightShare >= MinRight, $"right {rightShare:P1} < {MinRight:P0}");
        Assert.True(wrongShare <= MaxWrong, $"answered wrongly {wrongShare:P1} > {MaxWrong:P0}");
        Assert.True(outShare >= MinOutOfScope, $"out of scope abstained {outShare:P1} < {MinOutOfScope:P0}");
        Assert.True(sumsRight >= MinSumsRight, $"sums right {sumsRight} < {MinSumsRight}");
    }

    // Regression guards set from the figures reached after issue 18 (right 88/106 = 83.0%, answered wrongly 25/142 =
    // 17.6%, out of scope 20/20, sums 18/22) minus a margin, never from reading the misses. Before the changes
    // (484804e): 70/106 = 66.0%, 41/142 = 28.9%, 20/20, 2/22. The issue's targets (>= 95% right, <= 1% answered
    // wrongly, >= 95% out of scope abstained, every sum right) are NOT reached: only the out-of-scope one is.
    // After the anchor word, stated-age kind and unknown-word coverage (eval-dev3.tsv, one run at the end): right 89/106 =
    // 84.0%, answered wrongly 19/142 = 13.4%, out of scope 20/20, unknown abstained 7/16, sums 18/22; guards raised to match.
    // After the unknown-subject coverage (eval-dev4.tsv, one run after the merge): right 87/106 = 82.1%, answered wrongly
    // 19/142 = 13.4%, out of scope 20/20, unknown abstained 7/16, sums 18/22.
    // After the fourth round (eval-dev5.tsv, one run after the merge): right 89/106 = 84.0%, answered wrongly 16/142 =
    // 11.3%, out of scope 20/20, unknown abstained 8/16, sums 19/22; guards raised to match.
    // After the fifth round (eval-dev6.tsv and eval-dev7.tsv, blind check eval-blind8.tsv; one run at d89f1cb): right 91/106 =
    // 85.8%, answered wrongly 16/142 = 11.3%, out of scope 20/20, unknown abstained 6/16, sums 20/22; guards raised to match.
    // After the sixth round (eval-dev9.tsv and eval-dev11.tsv, blind check eval-blind10.tsv; one run at fe52d48): right 91/106 =
    // 85.8%, answered wrongly 10/142 = 7.0%, out of scope 20/20, unknown abstained 11/16, sums 20/22; guards raised to match.
    // Run a second time that session, after the calculator's readings of eval-dev12.tsv (08c1dc2): the same figures.
    // After the seventh round (eval-dev14.tsv and eval-dev16.tsv, blind checks eval-blind15.tsv and eval-blind17.tsv; one run
    // at ab4cb1f): right 93/106 = 87.7%, answered wrongly 9/142 = 6.3%, out of scope 20/20, unknown abstained 11/16, sums
    // 21/22; guards raised to match.
    private const double MinRight = 0.86, MaxWrong = 0.07, MinOutOfScope = 0.95;
    private const int MinSumsRight = 21;

    /// <summary>"1.500.000" in the reply as a whole number: not inside "11.500.000" nor "1.500.0001".</summary>
    private static bool ContainsAmount(string text, string amount)
        => Regex.IsMatch(text, @"(?<![\d.])" + Regex.Escape(amount) + @"(?!\d|\.\d)");
}
