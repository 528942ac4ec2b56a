using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// "PKH tahun 2017 SMP dapat berapa", "KPM Bojonegoro 2026 ada berapa", "kemiskinan 2020 berapa persen": a question that
/// names a year asks about that year. A passage that gives its figures for other years (or whose document covers other
/// years only) does not answer it, however many other words it shares: the figure of 2025 is not the figure of 2027.
/// </summary>
public static partial class AskedYears
{
    /// <summary>The years (2000-2099) written in the question's words.</summary>
    public static IReadOnlySet<int> Of(IReadOnlyList<string> words)
        => words.Where(w => w.Length == 4 && YearPattern().IsMatch(w)).Select(int.Parse).ToHashSet();

    /// <summary>
    /// The passage (its text, section, FAQ questions) names one of the years; or it names no year at all and its document's
    /// years include one.
    /// </summary>
    public static bool Answers(KnowledgeHit hit, string body, IReadOnlySet<int> years)
    {
        if (years.Count == 0) return true;
        var named = YearsIn(body + " " + hit.Section + " " + (hit.Faq is { } faq ? string.Join(" ", faq.Questions) : ""));
        if (named.Count > 0) return named.Overlaps(years);
        var span = YearsIn(hit.Document.Year);
        return span.Count == 0 || years.Any(y => y >= span.Min() && y <= span.Max());
    }

    private static HashSet<int> YearsIn(string text) => InText().Matches(text).Select(m => int.Parse(m.Value)).ToHashSet();

    [GeneratedRegex(@"^20\d\d$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<![\d.,])20\d\d(?![\d.,]\d)")]
    private static partial Regex InText();
}
