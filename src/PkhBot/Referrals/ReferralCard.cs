using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Referrals;

/// <summary>The household card's referral lines (for /kpm): every referral of the household, newest first.</summary>
public static class ReferralCard
{
    public static async Task<string> TextAsync(PkhDbContext db, int householdId, CancellationToken ct)
    {
        var list = await db.Referrals.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .OrderByDescending(r => r.Id).Take(5)
            .Select(r => new { r.Id, r.MitraCode, r.Status, r.CreatedAt, r.Outcome })
            .ToListAsync(ct);
        return list.Count == 0 ? "" :
            "\n\n<b>Rujukan</b>\n" + string.Join("\n", list.Select(r => ReferralTexts.CardLine(r.Id, r.MitraCode, r.Status, r.CreatedAt, r.Outcome)));
    }
}
