using System.Text.RegularExpressions;

namespace PkhBot.Knowledge;

/// <summary>
/// The parts of a question that are not its subject: an example after "misal/contohnya", and why one asks after a question
/// for a fact ("... peraturan apa ya? Untuk bahan sosialisasi di balai desa"). Their words still search; they name no
/// anchor word and no subject the facts lack. Pure: the caller's normaliser reads slang.
/// </summary>
public static partial class QuestionClauses
{
    /// <summary>
    /// The words before an example ("1 orang masuk 2 komponen, misal anak SD tapi juga disabilitas, yang dihitung yang mana"):
    /// what follows "misal"/"contohnya" (as typed: slang reads "misal" as "kalau") illustrates the question, it is not its
    /// subject, so it names no anchor word. Null when the question gives no example.
    /// </summary>
    public static string? BeforeExample(string question)
    {
        var tokens = QueryNormalizer.Tokens(question).ToList();
        var at = tokens.FindIndex(ExampleWords.Contains);
        return at <= 0 ? null : string.Join(' ', tokens.Take(at));
    }

    /// <summary>
    /// The question up to its last asking clause (one ending in "?" or holding a question word), when clauses follow it and
    /// that clause asks for a fact, not yes or no; null otherwise. Clauses split at . ? ! ; and commas.
    /// </summary>
    public static string? AskedPart(string question, QueryNormalizer normalizer)
    {
        var clauses = ClauseEnd().Split(question);
        var last = -1;
        for (var i = 0; i < clauses.Length; i++)
            if (clauses[i].TrimEnd().EndsWith('?') || normalizer.Words(clauses[i]).Any(AskingWords.Contains)) last = i;
        if (last < 0 || clauses.Skip(last + 1).All(c => QueryNormalizer.Tokens(c).All(t => !char.IsLetter(t[0])))) return null;
        // Only after a question for a fact (what, how much, when): "uang pkh boleh dipakai? buat bayar utang" asks whether
        // the use that follows is allowed, so what follows is its subject.
        var asked = normalizer.Words(clauses[last]).ToList();
        if (!asked.Any(FactWords.Contains) || asked.Any(YesNoWords.Contains)) return null;
        return string.Concat(clauses.Take(last + 1));
    }

    private static readonly HashSet<string> FactWords =
        ["apa", "opo", "berapa", "kapan", "bagaimana", "siapa", "mana", "kemana", "dimana", "endi", "ngendi", "pundi", "kenapa", "mengapa"];

    private static readonly HashSet<string> YesNoWords = ["boleh", "bisa", "apakah", "benar", "tidak", "belum"];

    private static readonly HashSet<string> AskingWords = [.. FactWords, "apakah", "boleh"];

    private static readonly HashSet<string> ExampleWords = ["misal", "misalnya", "semisal", "contoh", "contohnya", "umpama", "umpamanya"];

    [GeneratedRegex(@"(?<=[.?!;,\n])")]
    private static partial Regex ClauseEnd();
}
