using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Referrals;

public sealed record MitraCounts(string MitraCode, int Sent, int Accepted, int Declined, int Done)
{
    public int Total => Sent + Accepted + Declined + Done;
}

/// <summary>What other features (PPSE, reports) may know of referrals: counts and which households are being helped.</summary>
public static class ReferralFigures
{
    /// <summary>Households of the scope with a referral that was not declined (sent, accepted or done).</summary>
    public static async Task<HashSet<int>> AssistedAsync(PkhDbContext db, IQueryable<Household> scope, CancellationToken ct)
        => (await db.Referrals.AsNoTracking()
            .Where(r => r.Status != ReferralStatus.Declined && scope.Any(h => h.Id == r.HouseholdId))
            .Select(r => r.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>Referrals of the scope's households per mitra and status, optionally only those made before <paramref name="until"/>.</summary>
    public static async Task<IReadOnlyList<MitraCounts>> PerMitraAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset? until, CancellationToken ct)
    {
        var q = db.Referrals.AsNoTracking().Where(r => scope.Any(h => h.Id == r.HouseholdId));
        if (until is { } u) q = q.Where(r => r.CreatedAt < u);
        var rows = await q.GroupBy(r => new { r.MitraCode, r.Status }).Select(g => new { g.Key.MitraCode, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.MitraCode)
            .Select(g => new MitraCounts(g.Key,
                g.Where(x => x.Status == ReferralStatus.Sent).Sum(x => x.Count),
                g.Where(x => x.Status == ReferralStatus.Accepted).Sum(x => x.Count),
                g.Where(x => x.Status == ReferralStatus.Declined).Sum(x => x.Count),
                g.Where(x => x.Status == ReferralStatus.Done).Sum(x => x.Count)))
            .OrderByDescending(m => m.Total).ThenBy(m => m.MitraCode)
            .ToList();
    }
}
