using System.Diagnostics;
using PkhBot.Knowledge;
using Xunit.Abstractions;

namespace PkhBot.Tests.Knowledge;

/// <summary>
/// The development sets (eval-questions.tsv, written apart from the FAQ, and eval-informal.tsv): rules are developed
/// on these, so their figures are not held-out figures (see <see cref="KnowledgeHeldOutTests"/>). Answered-correctly
/// and out-of-scope-abstained must both reach 90%. Prints the figures and every miss.
/// </summary>
public sealed class KnowledgeEvaluationTests(ITestOutputHelper output)
{
    private static readonly Lazy<KnowledgeService> Service = new(() => KnowledgeService.CreateOffline());

    [Fact]
    public async Task Offline_answers_are_correct_for_90_percent_and_out_of_scope_questions_abstain()
    {
        var cases = EvalCase.Load();
        Assert.True(cases.Count(c => !c.Abstain) >= 150, "too few in-scope questions");
        Assert.True(cases.Count(c => c.Abstain) >= 30, "too few out-of-scope questions");
        var (accuracy, abstention) = await Score(cases);

        // Timing from a second, warm pass (the first pays for JIT): printed, never asserted.
        var times = new List<double>();
        var slowest = (Ms: 0.0, Question: "");
        foreach (var c in cases)
        {
            var sw = Stopwatch.StartNew();
            await Service.Value.AnswerAsync(c.Question, CancellationToken.None);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (sw.Elapsed.TotalMilliseconds > slowest.Ms) slowest = (sw.Elapsed.TotalMilliseconds, c.Question);
        }
        output.WriteLine($"slowest: {slowest.Ms:F1} ms for \"{slowest.Question}\"");
        times.Sort();
        output.WriteLine($"answer time p50 {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms (not asserted)");
        Assert.True(accuracy >= 0.90, $"accuracy {accuracy:P1} < 90%");
        Assert.True(abstention >= 0.90, $"abstention {abstention:P1} < 90%");
    }

    /// <summary>
    /// The informal development set (eval-informal.tsv: abbreviations, typos, Javanese, chit-chat, very short
    /// questions, near-PKH programmes that must abstain), written in batches before the normalisation rules and never
    /// copied into the FAQ. Thresholds: the level reached minus a small margin.
    /// </summary>
    [Fact]
    public async Task Informal_phone_style_questions_are_answered_and_other_programmes_abstain()
    {
        var cases = EvalCase.Load("eval-informal.tsv");
        Assert.True(cases.Count(c => !c.Abstain) >= 180, "too few in-scope questions");
        Assert.True(cases.Count(c => c.Abstain) >= 35, "too few out-of-scope questions");
        var (accuracy, abstention) = await Score(cases);
        Assert.True(accuracy >= InformalAccuracy, $"accuracy {accuracy:P1} < {InformalAccuracy:P0}");
        Assert.True(abstention >= InformalAbstention, $"abstention {abstention:P1} < {InformalAbstention:P0}");
    }

    private const double InformalAccuracy = 0.93, InformalAbstention = 0.92;

    /// <summary>
    /// The third development set (eval-dev3.tsv, kinds as the held-out set: answer, sum, outofscope, unknown), written
    /// from the fact sheet before the fit and margin work and measured before it. Prints every miss; a wrong answer
    /// (worse than abstaining) is counted apart. Thresholds: the level reached minus a small margin.
    /// </summary>
    [Fact]
    public Task Third_development_set_is_answered_right_and_rarely_wrong()
        => AssertKinded("eval-dev3.tsv", 150, Dev3Right, Dev3Wrong, Dev3Declined);

    /// <summary>
    /// The fourth development set (eval-dev4.tsv): mostly PKH questions whose fact the knowledge base lacks (a person,
    /// a desa's quota, bank fees, other benefits, rumours), which must get "belum tahu" with 171, never a nearby rule;
    /// plus covered questions in new wording, against abstaining too much. Written before the bot was run on it.
    /// </summary>
    [Fact]
    public Task Fourth_development_set_declines_what_the_facts_lack_and_answers_the_rest()
        => AssertKinded("eval-dev4.tsv", 60, Dev4Right, Dev4Wrong, Dev4Declined);

    // Measured before any change (aad837a): right 28/29 = 96.6%, answered wrongly 10/64 = 15.6%, declined 26/35. After the
    // unknown-subject coverage (a long unknown word asks half of the question's other words): 28/29, 6/64 = 9.4%, 30/35.
    // After the fourth round (dev5): 29/29, 4/64 = 6.2%, 31/35.
    private const double Dev4Right = 0.95, Dev4Wrong = 0.08, Dev4Declined = 0.85;

    /// <summary>
    /// The fifth development set (eval-dev5.tsv, 165 questions, kinds as dev3), written blind from the fact sheet by
    /// someone who never saw the code, before the bot was run on it: many yes/no and informal Javanese questions.
    /// </summary>
    [Fact]
    public Task Fifth_development_set_is_answered_right_and_rarely_wrong()
        => AssertKinded("eval-dev5.tsv", 160, Dev5Right, Dev5Wrong, Dev5Declined);

    // Blind, measured before any change of this round (e6b0313, one line's unsupported key "260" dropped): right 94/125 =
    // 75.2%, answered wrongly 19/165 = 11.5%, sums 17/20, declined with the right text 27/40. After the fourth round (other
    // social aid, place names, number/name kinds, the calculator's readings, examples, trailing reasons, verdicts, content):
    // right 114/125 = 91.2%, answered wrongly 1/165 = 0.6%, sums 20/20, declined with the right text 38/40. Developed on,
    // so no longer a blind figure. Thresholds: that level minus a margin.
    private const double Dev5Right = 0.89, Dev5Wrong = 0.02, Dev5Declined = 0.90;

    /// <summary>
    /// The sixth development set (eval-dev6.tsv, 165 questions, kinds as dev3), written blind from the fact sheet by
    /// someone who never saw the code or the other sets, before the bot was run on it.
    /// </summary>
    [Fact]
    public Task Sixth_development_set_is_answered_right_and_rarely_wrong()
        => AssertKinded("eval-dev6.tsv", 160, Dev6Right, Dev6Wrong, Dev6Declined);

    // Blind, measured before any change of this round (1a6854e): right 95/125 = 76.0%, answered wrongly 19/165 = 11.5%, sums
    // 16/20, declined with the right text 35/40. After the fifth round (the asked-about word, place and share kinds, everyday
    // words, the kabupaten's counts, one's own number, rare pair words, the calculator's readings, the coverage audit of the
    // fact sheet): right 116/125 = 92.8%, answered wrongly 3/165 = 1.8%, sums 20/20, declined 39/40. Developed on (the audit's
    // topics came from its misses), so no longer a blind figure. Thresholds: that level minus a margin.
    private const double Dev6Right = 0.90, Dev6Wrong = 0.03, Dev6Declined = 0.95;

    /// <summary>
    /// The seventh set (eval-dev7.tsv, 165 questions), written blind from the fact sheet after the fifth round and scored once
    /// before anything was changed for it: the round's figure on questions nobody tuned to. Since then a development set for
    /// the benefit calculator's readings only.
    /// </summary>
    [Fact]
    public Task Seventh_development_set_is_answered_right_and_its_sums_are_all_right()
        => AssertKinded("eval-dev7.tsv", 160, Dev7Right, Dev7Wrong, Dev7Declined, allSums: true);

    // Blind, scored once after the fifth round (df12268): right 89/125 = 71.2%, answered wrongly 18/165 = 10.9%, sums 15/20,
    // declined with the right text 35/40: the rules of five rounds carry over to new questions only in part. Then the
    // calculator's readings (what a family does not have, a child named by its place, one child's age and level, "per tahap
    // berapa"): right 94/125 = 75.2%, answered wrongly 14/165 = 8.5%, sums 20/20, declined 35/40. Then units, spoken verb
    // forms, "apaan", a particle after "kecamatan", two FAQ answers: right 98/125 = 78.4%, answered wrongly 6/165 = 3.6%,
    // sums 20/20, declined 38/40. After the sixth round: right 100/125 = 80.0%, answered wrongly 5/165 = 3.0%, 20/20, 38/40.
    private const double Dev7Right = 0.76, Dev7Wrong = 0.045, Dev7Declined = 0.90;

    /// <summary>
    /// The eighth set (eval-blind8.tsv, 165 questions), written blind from the fact sheet at the end of the fifth round and
    /// scored once when the round's rules were frozen: questions nobody tuned to. Never developed on; prints aggregates only.
    /// </summary>
    [Fact]
    public Task Eighth_set_written_blind_stays_at_the_level_it_was_scored_at_once()
        => AssertKinded("eval-blind8.tsv", 160, Blind8Right, Blind8Wrong, Blind8Declined, printMisses: false);

    // Scored once with the round's rules frozen (d89f1cb): right 90/125 = 72.0%, answered wrongly 6/165 = 3.6%, sums 16/20,
    // declined with the right text 39/40. (An earlier look at the aggregates only, with a change since reverted, gave 92/125,
    // 6/165, 16/20, 39/40.) Thresholds: that level minus a margin.
    private const double Blind8Right = 0.70, Blind8Wrong = 0.05, Blind8Declined = 0.95;

    /// <summary>
    /// The ninth set (eval-dev9.tsv, 165 questions, 60 of them PKH questions the facts lack), written blind from the fact
    /// sheet at the start of the sixth round and scored once before any change; then developed on.
    /// </summary>
    [Fact]
    public Task Ninth_development_set_declines_what_the_facts_lack()
        => AssertKinded("eval-dev9.tsv", 160, Dev9Right, Dev9Wrong, Dev9Declined, allSums: true);

    // Blind, scored once before any change of the sixth round (a16c984): right 78/85 = 91.8%, answered wrongly 23/165 = 13.9%,
    // sums 17/20, declined with the right text 55/80. After the sixth round (restored roots, the asked year, the calendar day,
    // another programme named, the asker's own case, the calculator's readings, programme words, Javanese words): right 81/85 =
    // 95.3%, answered wrongly 11/165 = 6.7%, sums 20/20, declined 65/80. Thresholds: that level minus a margin.
    private const double Dev9Right = 0.93, Dev9Wrong = 0.08, Dev9Declined = 0.78;

    /// <summary>
    /// The eleventh set (eval-dev11.tsv, 165 questions, 60 of them PKH questions the facts lack, mostly yes/no about a
    /// situation the sheet does not settle), written blind during the sixth round and scored once before anything was
    /// changed for it; then developed on.
    /// </summary>
    [Fact]
    public Task Eleventh_development_set_declines_what_the_facts_lack()
        => AssertKinded("eval-dev11.tsv", 160, Dev11Right, Dev11Wrong, Dev11Declined, allSums: true);

    // Blind, scored once after the round's first rules (9c54d7d, before anything was changed for it): right 77/90 = 85.6%,
    // answered wrongly 22/165 = 13.3%, sums 13/15, declined 54/75 (the rules of a16c984, before the round: 85.6%, 25/165 =
    // 15.2%). After the rest of the round: right 82/90 = 91.1%, answered wrongly 19/165 = 11.5%, sums 15/15, declined 55/75.
    // Most of what it still answers wrongly are yes/no questions about a condition the facts do not settle ("anak SMA wis
    // rabi, iseh dietung?"), answered with the nearby rule. After the calculator's work (dev12): right 83/90 = 92.2%, answered
    // wrongly 19/165 = 11.5%. Thresholds: that level minus a margin.
    private const double Dev11Right = 0.88, Dev11Wrong = 0.13, Dev11Declined = 0.70;

    /// <summary>
    /// The twelfth set (eval-dev12.tsv, 70 sum questions: families told every way a mother tells them), written blind from the
    /// fact sheet and scored once before anything was changed for it; then developed on for the calculator's readings.
    /// </summary>
    [Fact]
    public Task Twelfth_development_set_s_sums_are_right()
        => AssertKinded("eval-dev12.tsv", 70, Dev12Right, 1, 0);

    // Blind, scored once before anything was changed for it (the rules of fe52d48): 45/70 = 64.3% of the sums right. After the
    // calculator's readings of this round (counts after each komponen, a class alone, graduates, the deceased, a newborn, bare
    // lansia ages, twins, a young disabled child, a month's share, "2 tahap berapa", Javanese and krama words): 69/70 = 98.6%.
    private const double Dev12Right = 0.95;

    /// <summary>
    /// The thirteenth set (eval-blind13.tsv, 50 sum questions), written blind at the end of the sixth round and scored once with
    /// the calculator's readings frozen: sums nobody tuned to. Never developed on; prints aggregates only.
    /// </summary>
    [Fact]
    public Task Thirteenth_set_of_sums_written_blind_stays_at_the_level_it_was_scored_at_once()
        => AssertKinded("eval-blind13.tsv", 50, Blind13Right, 1, 0, printMisses: false);

    // Scored once with the readings frozen (0d207a3): 43/50 = 86.0% of the sums right (4 wrong, 3 not calculated). The same set
    // with the rules of a16c984 (before the round): 34/50 = 68.0%; of fe52d48 (before the calculator's work of dev12): 35/50.
    private const double Blind13Right = 0.84;

    /// <summary>
    /// The tenth set (eval-blind10.tsv, 165 questions), written blind from the fact sheet at the start of the sixth round and
    /// scored once, with the round's rules frozen: questions nobody tuned to. Never developed on; prints aggregates only.
    /// </summary>
    [Fact]
    public Task Tenth_set_written_blind_stays_at_the_level_it_was_scored_at_once()
        => AssertKinded("eval-blind10.tsv", 160, Blind10Right, Blind10Wrong, Blind10Declined, printMisses: false);

    // Scored once with the round's rules frozen (882eca1): right 85/105 = 81.0%, answered wrongly 11/165 = 6.7%, sums 16/20,
    // declined with the right text 48/60. The rules of a16c984 (before the round) on the same set, aggregates only: 83/105 =
    // 79.0%, 16/165 = 9.7%, 16/20, 47/60. Thresholds: that level minus a margin.
    private const double Blind10Right = 0.79, Blind10Wrong = 0.08, Blind10Declined = 0.78;

    /// <summary>
    /// The fourteenth set (eval-dev14.tsv, 165 questions: 80 answerable, 15 sums, 20 out of scope, 50 PKH questions the facts
    /// lack), written blind at the start of the seventh round and scored once before anything was changed for it; then
    /// developed on.
    /// </summary>
    [Fact]
    public Task Fourteenth_development_set_answers_right_and_declines_what_the_facts_lack()
        => AssertKinded("eval-dev14.tsv", 160, Dev14Right, Dev14Wrong, Dev14Declined);

    // Blind, scored once before anything was changed for it (8c6e455): right 83/95 = 87.4%, answered wrongly 20/165 = 12.1%,
    // sums 14/15, declined with the right text 52/70. After the calculator's readings of dev16: 84/95 = 88.4%, 19/165 = 11.5%,
    // sums 15/15, 52/70. After the effect words, family relations as subjects, "lewat" as a preposition and Javanese "dino":
    // 86/95 = 90.5%, 16/165 = 9.7%, 15/15, 54/70. After typos read as phone slips only and the words of a story dropped:
    // 87/95 = 91.6%, 15/165 = 9.1%, 15/15, 55/70. After "X itu bantuan apa", the asker's own record, the everyday-word list
    // and the function words (eighth session): 88/95 = 92.6%, 13/165 = 7.9%, 15/15, 56/70. Thresholds: that level minus a margin.
    private const double Dev14Right = 0.90, Dev14Wrong = 0.09, Dev14Declined = 0.77;

    /// <summary>
    /// The sixteenth set (eval-dev16.tsv, 70 sum questions), written blind at the start of the seventh round and scored once
    /// before anything was changed for it; then developed on for the calculator's readings.
    /// </summary>
    [Fact]
    public Task Sixteenth_development_set_s_sums_are_right()
        => AssertKinded("eval-dev16.tsv", 70, Dev16Right, 1, 0);

    // Blind, scored once before anything was changed for it (8c6e455): 52/70 = 74.3% of the sums right. After the calculator's
    // readings of the seventh round (the same level twice in a list, an order or sibling between two komponen, a class after an
    // age, a bare age after an aged level, a count after its komponen, what the family was, a disability told at length,
    // "berapa per tahap" after a counted noun): 70/70.
    private const double Dev16Right = 0.97;

    /// <summary>
    /// The seventeenth set (eval-blind17.tsv, 50 sum questions), written blind at the start of the seventh round: scored before
    /// the round and once at its end with the readings frozen. Never developed on; prints aggregates only.
    /// </summary>
    [Fact]
    public Task Seventeenth_set_of_sums_written_blind_stays_at_the_level_it_was_scored_at()
        => AssertKinded("eval-blind17.tsv", 50, Blind17Right, 1, 0, printMisses: false);

    // Scored before the round (8c6e455): 36/50 = 72.0% of the sums right. Scored once at the round's end with the rules frozen
    // (ab4cb1f): 40/50 = 80.0%. Thresholds: that level minus a margin.
    private const double Blind17Right = 0.78;

    /// <summary>
    /// The fifteenth set (eval-blind15.tsv, 165 questions, kinds as dev14), written blind at the start of the seventh round:
    /// scored before the round and once at its end with the rules frozen. Never developed on; prints aggregates only.
    /// </summary>
    [Fact]
    public Task Fifteenth_set_written_blind_stays_at_the_level_it_was_scored_at()
        => AssertKinded("eval-blind15.tsv", 160, Blind15Right, Blind15Wrong, Blind15Declined, printMisses: false);

    // Scored before the round (8c6e455), aggregates only: right 72/95 = 75.8%, answered wrongly 20/165 = 12.1%, sums 15/15,
    // declined with the right text 55/70. Scored once at the round's end with the rules frozen (ab4cb1f): right 74/95 = 77.9%,
    // answered wrongly 21/165 = 12.7%, sums 15/15, declined with the right text 54/70. Thresholds: that level minus a margin.
    private const double Blind15Right = 0.76, Blind15Wrong = 0.135, Blind15Declined = 0.76;

    /// <summary>Scores a kinded set and holds it to its levels (and, with <paramref name="allSums"/>, every sum right).</summary>
    private async Task AssertKinded(string file, int atLeast, double minRight, double maxWrong, double minDeclined, bool printMisses = true, bool allSums = false)
    {
        var (rightShare, wrongShare, declinedShare, sumsRight, sums) = await ScoreKinded(file, atLeast, printMisses);
        Assert.True(rightShare >= minRight, $"right {rightShare:P1} < {minRight:P0}");
        Assert.True(wrongShare <= maxWrong, $"answered wrongly {wrongShare:P1} > {maxWrong:P0}");
        Assert.True(declinedShare >= minDeclined, $"declined {declinedShare:P1} < {minDeclined:P0}");
        if (allSums) Assert.True(sumsRight == sums, $"sums right {sumsRight}/{sums}");
    }

    /// <summary>Scores a set of kinded questions (answer, sum, outofscope, unknown), prints every miss and the figures.</summary>
    private async Task<(double Right, double Wrong, double Declined, int SumsRight, int Sums)> ScoreKinded(string file, int atLeast, bool printMisses = true)
    {
        var cases = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (Kind: p[0], Question: p[1], Expected: p[2].Split('|', StringSplitOptions.TrimEntries)))
            .ToList();
        Assert.True(cases.Count >= atLeast, "too few questions");
        int answerable = 0, right = 0, wrong = 0, sums = 0, sumsRight = 0, declined = 0, toDecline = 0;
        foreach (var (kind, question, expected) in cases)
        {
            var a = await Service.Value.AnswerAsync(question, CancellationToken.None);
            var shown = a.Answered ? a.Body : "(abstained)";
            if (kind is "answer" or "sum")
            {
                answerable++;
                var hit = a.Answered && expected.Any(e => kind == "sum" ? ContainsAmount(a.Text, e) : a.Text.Contains(e, StringComparison.OrdinalIgnoreCase));
                if (hit) right++;
                else if (a.Answered) { wrong++; if (printMisses) output.WriteLine($"WRONG {kind}: {question} [{string.Join("|", expected)}] -> {shown} ({a.Score})"); }
                else if (printMisses) output.WriteLine($"ABSTAINED {kind}: {question} [{string.Join("|", expected)}]");
                if (kind == "sum") { sums++; if (hit) sumsRight++; }
                continue;
            }
            toDecline++;
            var text = kind == "outofscope" ? "hanya bisa menjawab" : "171";
            if (!a.Answered && a.Body.Contains(text, StringComparison.OrdinalIgnoreCase)) declined++;
            else if (a.Answered) { wrong++; if (printMisses) output.WriteLine($"WRONG {kind}: {question} -> {shown} ({a.Score})"); }
            else if (printMisses) output.WriteLine($"ABSTAINED WITHOUT {text}: {kind}: {question} -> {a.Body}");
        }
        double rightShare = answerable == 0 ? 1 : (double)right / answerable, wrongShare = (double)wrong / cases.Count, declinedShare = toDecline == 0 ? 1 : (double)declined / toDecline;
        output.WriteLine($"{file}: right {right}/{answerable} = {rightShare:P1}; answered wrongly {wrong}/{cases.Count} = {wrongShare:P1}; sums {sumsRight}/{sums}; declined with the right text {declined}/{toDecline}");
        return (rightShare, wrongShare, declinedShare, sumsRight, sums);
    }

    // Measured before any change (15338b0): right 121/141 = 85.8%, answered wrongly 23/182 = 12.6%, sums 19/21, declined
    // with the right text 32/41. After the anchor word, the stated-age kind, the year rule, the unknown-word coverage (question words not counted) and
    // the Javanese words: 133/141 = 94.3%, 5/182 = 2.7%, 21/21, 34/41. Thresholds: that level minus a margin. After the
    // unknown-subject coverage (dev4 round): 131/141 = 92.9%, 5/182, 21/21, 34/41 (two long questions with an
    // incidental unknown word, "mertua ... serumah", "kuliah semester 2", now abstain). After the fourth round (dev5):
    // 132/141 = 93.6%, 2/182 = 1.1%, 21/21, 37/41.
    private const double Dev3Right = 0.92, Dev3Wrong = 0.025, Dev3Declined = 0.85;

    /// <summary>"1.500.000" as a whole number: not inside "11.500.000" nor "1.500.0001".</summary>
    private static bool ContainsAmount(string text, string amount)
        => System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![\d.])" + System.Text.RegularExpressions.Regex.Escape(amount) + @"(?!\d|\.\d)");

    /// <summary>Answers every case, prints each miss and the two figures.</summary>
    private async Task<(double Accuracy, double Abstention)> Score(IReadOnlyList<EvalCase> cases)
    {
        var inScope = cases.Count(c => !c.Abstain);
        var outOfScope = cases.Count(c => c.Abstain);
        var correct = 0;
        var abstained = 0;
        foreach (var c in cases)
        {
            var a = await Service.Value.AnswerAsync(c.Question, CancellationToken.None);
            if (c.Abstain)
            {
                if (!a.Answered) abstained++;
                else output.WriteLine($"NOT ABSTAINED: {c.Question} -> {a.Body} ({a.Score})");
                continue;
            }
            if (a.Answered && c.Facts.Any(f => a.Text.Contains(f, StringComparison.OrdinalIgnoreCase))) correct++;
            else output.WriteLine($"WRONG: {c.Question} [{string.Join("|", c.Facts)}] -> {(a.Answered ? a.Body : "(abstained)")} ({a.Score})");
        }
        var accuracy = (double)correct / inScope;
        var abstention = (double)abstained / outOfScope;
        output.WriteLine($"answered correctly: {correct}/{inScope} = {accuracy:P1}");
        output.WriteLine($"out of scope abstained: {abstained}/{outOfScope} = {abstention:P1}");
        return (accuracy, abstention);
    }

    [Fact]
    public void The_index_is_built_in_well_under_a_second_and_reports_its_size()
    {
        // Measured and printed, not asserted (speed belongs to benchmarks): a regression shows in the test log.
        var sw = Stopwatch.StartNew();
        using var index = KnowledgeIndex.Load(KnowledgeContent.DefaultPath);
        output.WriteLine($"index built in {sw.ElapsedMilliseconds} ms: {index.Content.Documents.Sum(d => d.Sections.Count)} sections, {index.Content.Faq.Count} FAQ pairs, {index.Content.Synonyms.Count} synonym rules");
        Assert.NotEmpty(index.Search("anak SD dapat berapa", 1));
    }

    [Fact]
    public async Task Every_answer_names_its_source_and_fits_a_phone_screen()
    {
        foreach (var c in EvalCase.Load().Where(c => !c.Abstain))
        {
            var a = await Service.Value.AnswerAsync(c.Question, CancellationToken.None);
            if (!a.Answered) continue;
            Assert.StartsWith("Sumber: ", a.SourceLine);
            Assert.NotEmpty(a.Sources);
            Assert.True(KnowledgeReply.ToHtml(a).Length <= KnowledgeReply.MaxChars + 20, c.Question);
        }
    }

    internal sealed record EvalCase(string Question, IReadOnlyList<string> Facts, bool Abstain)
    {
        public static IReadOnlyList<EvalCase> Load(string file = "eval-questions.tsv")
            => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", file))
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('\t'))
                .Select(p => new EvalCase(p[0], p[1].Split('|'), p[1] == "ABSTAIN"))
                .ToList();
    }
}
