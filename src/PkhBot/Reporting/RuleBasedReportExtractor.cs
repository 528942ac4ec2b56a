using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// Offline extraction: a household of the caller found by ID or by its full name (fuzzy, in order), plus
/// report-ish content (a category keyword, an amount or a percentage). Questions are never reports.
/// </summary>
public sealed class RuleBasedReportExtractor : IReportExtractor
{
    private static readonly string[] QuestionWords =
        ["berapa", "apa", "apakah", "kapan", "bagaimana", "gimana", "bagaimanakah", "mengapa", "kenapa", "siapa", "dimana", "di mana", "bisakah", "bolehkah", "boleh", "mohon info", "tanya"];

    private static readonly (ReportCategory Category, string[] Words)[] Keywords =
    [
        (ReportCategory.Kendala, ["kendala", "masalah", "hilang", "belum bisa", "tidak bisa", "tdk bisa", "putus sekolah", "belum cair", "tidak cair", "ditolak", "sakit keras", "meninggal"]),
        (ReportCategory.Graduasi, ["graduasi", "mundur dari pkh", "keluar dari pkh", "mengundurkan diri"]),
        (ReportCategory.P2k2, ["p2k2", "fds", "pertemuan kelompok"]),
        (ReportCategory.Usaha, ["warung", "usaha", "jualan", "dagang", "berjualan", "omzet", "omset", "ternak", "toko", "penghasilan", "pendapatan", "modal", "kerja", "bekerja", "buka"]),
        (ReportCategory.Pendidikan, ["sekolah", "kehadiran", "hadir", "rapor", "kelas", "sd ", "smp", "sma"]),
        (ReportCategory.Kesehatan, ["posyandu", "puskesmas", "imunisasi", "periksa", "bidan", "hamil", "timbang", "gizi", "stunting", "lansia sehat"]),
        (ReportCategory.Kunjungan, ["kunjungan", "dikunjungi", "mengunjungi", "berkunjung", "ke rumah", "visit"]),
    ];

    public static bool LooksLikeQuestion(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.EndsWith('?')) return true;
        return QuestionWords.Any(w => t.StartsWith(w + " ", StringComparison.Ordinal) || t == w);
    }

    public static ReportCategory? GuessCategory(string text, ParsedNote parsed)
    {
        var t = " " + text.ToLowerInvariant() + " ";
        foreach (var (category, words) in Keywords)
            if (words.Any(w => t.Contains(w, StringComparison.Ordinal))) return category;
        if (parsed.IncomeRupiah is not null) return ReportCategory.Usaha;
        if (parsed.AttendancePercent is not null) return ReportCategory.Pendidikan;
        return null;
    }

    public async Task<ReportProposal?> ExtractAsync(ConversationContext ctx, string text, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || text.Length < 8 || LooksLikeQuestion(text)) return null;
        var parsed = ReportNoteParser.Parse(text, ctx.Now);
        var category = GuessCategory(text, parsed);
        if (category is null) return null;
        var householdId = await FindHouseholdAsync(ctx, text, ct);
        return householdId is int id ? new ReportProposal(id, category.Value, text.Trim()) : null;
    }

    /// <summary>The caller's household named in the text: an ID token, else the best full-name match.</summary>
    public static async Task<int?> FindHouseholdAsync(ConversationContext ctx, string text, CancellationToken ct)
    {
        var tokens = NameSearch.Tokens(text);
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var idTokens = tokens.Where(t => t.Length >= 6 && t.All(char.IsDigit)).ToList();
        if (idTokens.Count > 0)
        {
            var byId = await scope.Where(h => idTokens.Contains(h.IdKpm)).Select(h => (int?)h.Id).FirstOrDefaultAsync(ct);
            if (byId is not null) return byId;
        }
        var candidates = await scope.Select(h => new { h.Id, h.NamaSearch }).Take(5000).ToListAsync(ct);
        int? best = null;
        double bestScore = 0;
        var tie = false;
        foreach (var c in candidates)
        {
            var score = WindowScore(tokens, c.NamaSearch.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (score > bestScore + 1e-9) { best = c.Id; bestScore = score; tie = false; }
            else if (score > 0 && Math.Abs(score - bestScore) < 1e-9) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>Best average match of the name's tokens against consecutive text tokens; one-word names must match exactly.</summary>
    private static double WindowScore(string[] text, string[] name)
    {
        if (name.Length == 0 || name.Length > text.Length) return 0;
        double best = 0;
        for (var i = 0; i + name.Length <= text.Length; i++)
        {
            double sum = 0;
            var ok = true;
            for (var j = 0; j < name.Length && ok; j++)
            {
                var s = text[i + j] == name[j] ? 1 : NameSearch.Distance(text[i + j], name[j]) <= NameSearch.AllowedTypos(name[j].Length) ? 0.85 : 0;
                if (s == 0) ok = false;
                sum += s;
            }
            if (!ok) continue;
            var avg = sum / name.Length;
            if (name.Length == 1 && (avg < 1 || name[0].Length < 4)) continue;
            best = Math.Max(best, avg * (0.9 + 0.1 * Math.Min(1, name.Length / 3.0)));
        }
        return best;
    }
}
