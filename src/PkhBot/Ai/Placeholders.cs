using System.Text.RegularExpressions;

namespace PkhBot.Ai;

/// <summary>
/// What an LLM must not see, replaced by placeholders before a text is sent and put back in what comes back:
/// names (those given, e.g. the caller's own households from the roster, and any honorific + capitalised words such as
/// "Bu Siti Aminah"), ID KPM and other long numbers, and addresses (street, RT/RW, dusun). NIKs and phone numbers are
/// masked first and never come back. One instance per LLM exchange.
/// </summary>
public sealed partial class Placeholders
{
    private readonly Dictionary<string, string> _byValue = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byPlaceholder = new(StringComparer.Ordinal);
    private int _names, _ids, _addresses;

    /// <param name="knownNames">Names to replace wherever they appear (longest first), e.g. the caller's households.</param>
    public string Hide(string text, IEnumerable<string>? knownNames = null)
    {
        var t = Privacy.Mask.Text(text);
        foreach (var name in (knownNames ?? []).Where(n => n.Trim().Length >= 3).Distinct().OrderByDescending(n => n.Length))
            t = Regex.Replace(t, $@"(?<!\w){Regex.Escape(name.Trim())}(?!\w)", m => For(m.Value, "NAMA", ref _names), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        t = Address().Replace(t, m => For(m.Value, "ALAMAT", ref _addresses));
        t = Honorific().Replace(t, m => m.Groups["title"].Value + For(m.Groups["name"].Value, "NAMA", ref _names));
        t = LongNumber().Replace(t, m => For(m.Value, "ID", ref _ids));
        return t;
    }

    /// <summary>The placeholder for a value the LLM may see only as a placeholder (a tool's answer: an ID KPM, a name).</summary>
    public string Id(string value) => For(value, "ID", ref _ids);

    public string Name(string value) => For(value, "NAMA", ref _names);

    /// <summary>The real value behind a placeholder the LLM passed back (a tool argument), or the argument itself.</summary>
    public string Reveal(string value)
    {
        var v = value.Trim();
        return _byPlaceholder.TryGetValue(v, out var real) ? real : Restore(v);
    }

    /// <summary>Puts the real values back in the LLM's text (a placeholder the LLM made up stays as it is).</summary>
    public string Restore(string text)
        => _byPlaceholder.Count == 0 ? text : PlaceholderPattern().Replace(text, m => _byPlaceholder.TryGetValue(m.Value, out var real) ? real : m.Value);

    private string For(string value, string kind, ref int counter)
    {
        if (_byValue.TryGetValue(value, out var known)) return known;
        var placeholder = $"[{kind}{++counter}]";
        _byValue[value] = placeholder;
        _byPlaceholder[placeholder] = value;
        return placeholder;
    }

    // "Bu Siti Aminah", "Pak H. Ahmad", "Ibu Sri": a title, then one to four capitalised words.
    [GeneratedRegex(@"(?<title>\b(?:Bu|Ibu|Pak|Bapak|Bpk|Mbak|Mas|Mbah|Sdr|Sdri|Nyonya|Ny|Tn|Almarhum|Alm)\.?\s+)(?<name>(?:[A-Z]\.\s*)?[A-Z][a-z']+(?:\s+[A-Z][a-z']+){0,3})")]
    private static partial Regex Honorific();

    // Streets and house numbers, RT/RW, dusun: "Jl. Veteran No. 12", "RT 02 RW 03", "RT 2/RW 5", "Dusun Krajan".
    [GeneratedRegex(@"\b(?:(?:Jl|Jln|Jalan|Gg|Gang)\.?\s+[A-Z0-9][\w.]*(?:\s+[A-Z0-9][\w.]*){0,3}(?:\s+No\.?\s*\d+\w?)?|(?i:rt)\.?\s*\d{1,3}(?:\s*/?\s*(?i:rw)\.?\s*\d{1,3})?|(?i:rw)\.?\s*\d{1,3}|(?:Dusun|Dsn)\.?\s+[A-Z][a-z]+)")]
    private static partial Regex Address();

    // ID KPM and other identifying numbers: 6 or more digits in a row (amounts are written with separators: 1.500.000).
    [GeneratedRegex(@"(?<![\d*.,])\d{6,}(?![\d.,]\d)")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\[(?:NAMA|ID|ALAMAT)\d+\]")]
    private static partial Regex PlaceholderPattern();
}
