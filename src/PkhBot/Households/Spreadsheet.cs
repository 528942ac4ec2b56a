namespace PkhBot.Households;

/// <summary>Formula injection guards for files a spreadsheet opens (roster imports and exports).</summary>
public static class Spreadsheet
{
    /// <summary>The characters that make Excel/LibreOffice treat a cell as a formula (OWASP: = + - @, tab, CR).</summary>
    public static bool LooksLikeFormula(string? text)
        => !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Prefixes a possible formula with ' so the spreadsheet shows it as text.</summary>
    public static string? Neutralize(string? text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// For imported names and addresses: "-" alone (a common "empty" placeholder) and a dash used as a list marker
    /// ("- RT 02 RW 01") are fine, and are neutralised again on export; anything else that looks like a formula
    /// is refused, since no real name or address starts that way.
    /// </summary>
    public static bool IsSuspiciousCell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var t = text.Trim();
        if (t.Length == 0 || t.All(c => c == '-')) return false;
        if (t.Length > 1 && t[0] == '-' && char.IsWhiteSpace(t[1]) && !t.Contains('|') && !t.Contains('(')) return false;
        return LooksLikeFormula(t) || LooksLikeFormula(text);
    }
}
