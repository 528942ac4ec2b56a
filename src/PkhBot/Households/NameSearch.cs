using System.Globalization;
using System.Text;

namespace PkhBot.Households;

/// <summary>
/// Name normalisation and fuzzy matching for household search. <see cref="Normalize"/> is what goes into
/// <see cref="Household.NamaSearch"/> (the importer uses it too), so SQL can prefilter on plain tokens and
/// the ranking here tolerates case, spacing, punctuation and small spelling differences.
/// </summary>
public static class NameSearch
{
    /// <summary>"  Siti  Aminah, S.Pd." -> "siti aminah s pd": lower case, no accents, punctuation as spaces, single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // Apostrophes join ("Jum'at", "Ma'ruf") rather than split.
            if (c is '\'' or '’' or '`') continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    public static string[] Tokens(string? text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Optimal-string-alignment Damerau-Levenshtein distance (a swap of two neighbours costs 1).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Typos allowed for a token of this length: none for short words, one from 4 letters, two from 8.</summary>
    public static int AllowedTypos(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>How well one query token matches one name token: 1 exact, 0.9 prefix, less per typo, 0 otherwise.</summary>
    public static double TokenScore(string query, string name)
    {
        if (query == name) return 1;
        if (query.Length >= 3 && name.StartsWith(query, StringComparison.Ordinal)) return 0.9;
        var dist = Distance(query, name);
        var allowed = AllowedTypos(Math.Max(query.Length, name.Length));
        return dist <= allowed ? 1 - 0.15 * dist : 0;
    }

    /// <summary>
    /// 0..1: every query token must match some name token (averaged); a query covering the whole name scores a
    /// little more, so "siti aminah" ranks "Siti Aminah" above "Siti Aminah Wati".
    /// </summary>
    public static double Score(string normalizedQuery, string normalizedName)
    {
        var q = normalizedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = normalizedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (q.Length == 0 || n.Length == 0) return 0;
        double total = 0;
        foreach (var qt in q)
        {
            var best = n.Max(nt => TokenScore(qt, nt));
            if (best == 0) return 0;
            total += best;
        }
        var score = total / q.Length;
        var coverage = Math.Min(1.0, (double)q.Length / n.Length);
        return score * (0.9 + 0.1 * coverage);
    }

    /// <summary>
    /// Short fragments for the SQL prefilter: the first and last three letters of each query token (up to
    /// three tokens), so a typo in the middle or at one end still finds the row.
    /// </summary>
    public static IReadOnlyList<string> PrefilterFragments(string normalizedQuery)
    {
        var list = new List<string>();
        foreach (var t in normalizedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length >= 3).Take(3))
        {
            list.Add(t[..3]);
            if (t.Length > 3) list.Add(t[^3..]);
        }
        return list.Distinct().ToList();
    }
}
