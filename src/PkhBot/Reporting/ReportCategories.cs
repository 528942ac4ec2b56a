using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>Category words as pendamping type them, tolerant of case and small typos ("kendla", "Usha").</summary>
public static class ReportCategories
{
    private static readonly (string Alias, ReportCategory Category)[] Aliases =
    [
        ("kunjungan", ReportCategory.Kunjungan), ("kunjung", ReportCategory.Kunjungan), ("visit", ReportCategory.Kunjungan), ("kunj", ReportCategory.Kunjungan),
        ("pendidikan", ReportCategory.Pendidikan), ("sekolah", ReportCategory.Pendidikan), ("pend", ReportCategory.Pendidikan),
        ("kesehatan", ReportCategory.Kesehatan), ("sehat", ReportCategory.Kesehatan), ("kes", ReportCategory.Kesehatan),
        ("p2k2", ReportCategory.P2k2), ("fds", ReportCategory.P2k2),
        ("usaha", ReportCategory.Usaha), ("ekonomi", ReportCategory.Usaha), ("usahaekonomi", ReportCategory.Usaha),
        ("kendala", ReportCategory.Kendala), ("masalah", ReportCategory.Kendala),
        ("graduasi", ReportCategory.Graduasi),
    ];

    public static readonly ReportCategory[] All = Enum.GetValues<ReportCategory>();

    public static string Name(ReportCategory c) => c switch
    {
        ReportCategory.Kunjungan => "kunjungan",
        ReportCategory.Pendidikan => "pendidikan",
        ReportCategory.Kesehatan => "kesehatan",
        ReportCategory.P2k2 => "p2k2",
        ReportCategory.Usaha => "usaha",
        ReportCategory.Kendala => "kendala",
        _ => "graduasi",
    };

    public static ReportCategory? Parse(string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        var w = NameSearch.Normalize(word).Replace(" ", "");
        if (w.Length == 0) return null;
        foreach (var (alias, cat) in Aliases)
            if (alias == w) return cat;
        if (w.Length < 4) return null;
        ReportCategory? best = null;
        var bestDist = int.MaxValue;
        foreach (var (alias, cat) in Aliases)
        {
            if (alias.Length < 4) continue;
            var d = NameSearch.Distance(w, alias);
            var allowed = alias.Length >= 7 ? 2 : 1;
            if (d <= allowed && d < bestDist) { best = cat; bestDist = d; }
        }
        return best;
    }
}
