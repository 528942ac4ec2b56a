using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>
/// /kpm filters as short codes that fit in callback data: "" all, "v" not visited in N days, "t" open
/// follow-ups, "d123" a desa, "kb/ka/ks/kp/km/kd/kl" a komponen (bumil, balita/AUD, SD, SMP, SMA, disabilitas, lansia).
/// </summary>
public static class KpmFilter
{
    public static readonly (string Code, string Label, string[] Words)[] Komponen =
    [
        ("kb", "bumil", ["bumil", "hamil", "ibuhamil", "ibu hamil"]),
        ("ka", "balita/AUD", ["balita", "aud", "anak usia dini", "apras"]),
        ("ks", "SD", ["sd"]),
        ("kp", "SMP", ["smp"]),
        ("km", "SMA", ["sma", "smk"]),
        ("kd", "disabilitas", ["disabilitas", "difabel", "disabel"]),
        ("kl", "lansia", ["lansia", "lanjut usia"]),
    ];

    public static bool IsValid(string code)
        => code is "" or "v" or "t" || Komponen.Any(k => k.Code == code) || (code.StartsWith('d') && int.TryParse(code[1..], out _));

    public static IQueryable<Household> Apply(IQueryable<Household> q, PkhDbContext db, string code, DateTimeOffset notVisitedSince)
    {
        switch (code)
        {
            case "v": return q.Where(h => h.Status == HouseholdStatus.Aktif && (h.LastReportAt == null || h.LastReportAt < notVisitedSince));
            case "t": return q.Where(h => db.FollowUps.Any(f => f.HouseholdId == h.Id && f.Status == Reporting.FollowUpStatus.Open));
            case "kb": return q.Where(h => h.IbuHamil > 0);
            case "ka": return q.Where(h => h.AnakUsiaDini > 0);
            case "ks": return q.Where(h => h.Sd > 0);
            case "kp": return q.Where(h => h.Smp > 0);
            case "km": return q.Where(h => h.Sma > 0);
            case "kd": return q.Where(h => h.DisabilitasBerat > 0);
            case "kl": return q.Where(h => h.Lansia > 0);
        }
        if (code.StartsWith('d') && int.TryParse(code[1..], out var desaId)) return q.Where(h => h.DesaId == desaId);
        return q;
    }

    /// <summary>A filter from typed words ("bumil", "belum", "tindak lanjut"); desa names are resolved by the caller.</summary>
    public static string? FromWords(string args, int notVisitedDays)
    {
        var w = NameSearch.Normalize(args);
        if (w.StartsWith("belum", StringComparison.Ordinal) || w == "v") return "v";
        if (w is "tl" or "tindaklanjut" or "tindak lanjut" or "ada tindak lanjut" or "kendala") return "t";
        foreach (var k in Komponen)
            if (k.Words.Contains(w)) return k.Code;
        return null;
    }

    public static string? Label(string code, string? desaName, int notVisitedDays) => code switch
    {
        "" => null,
        "v" => $"belum dikunjungi {notVisitedDays} hari",
        "t" => "ada tindak lanjut",
        _ when code.StartsWith('d') => "desa " + (desaName ?? "?"),
        _ => "komponen " + Komponen.FirstOrDefault(k => k.Code == code).Label,
    };
}
