using System.Globalization;
using System.Text;

namespace PkhBot.Households;

/// <summary>Turns names into the form <see cref="Household.NamaSearch"/> stores: lower case, no accents, no punctuation.</summary>
public static class NameSearch
{
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or ',' or '/')
            {
                pendingSpace = true;
            }
            // Other punctuation (', ", `) is dropped without a gap: "Ma'ruf" -> "maruf".
        }
        return sb.ToString();
    }
}
