using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Referrals;

/// <summary>
/// Demo referrals so that /rujukan, the card, /ppse and the unanswered-referral job show something on a fresh
/// clone: for every pendamping, a few households with a business report are referred, in every state (waiting,
/// overdue, accepted, declined, done with an outcome). Deterministic; only when there are none yet.
/// </summary>
public static class DemoReferrals
{
    private static readonly (string Note, string? Outcome)[] Notes =
    [
        ("butuh pelatihan pemasaran dan kemasan", "ikut pelatihan pemasaran 3 hari"),
        ("butuh modal untuk gerobak", "modal Rp2 jt dari zakat produktif"),
        ("ingin pelatihan menjahit", "ikut pelatihan menjahit 5 hari"),
        ("butuh bibit dan pakan ternak", "dapat 2 ekor kambing bergulir"),
        ("ingin bergabung BUMDes", null),
    ];

    public static async Task<int> SeedAsync(PkhDbContext db, MitraCatalogue catalogue, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Referrals.AnyAsync(ct)) return 0;
        var withBusiness = await db.Reports.AsNoTracking()
            .Where(r => r.Category == Reporting.ReportCategory.Usaha && !r.Withdrawn && r.Household!.Status == Households.HouseholdStatus.Aktif)
            .Select(r => new { r.HouseholdId, r.PendampingId }).Distinct()
            .OrderBy(x => x.PendampingId).ThenBy(x => x.HouseholdId)
            .ToListAsync(ct);
        var mitra = catalogue.All;
        var added = 0;
        foreach (var group in withBusiness.GroupBy(x => x.PendampingId))
        {
            var i = 0;
            foreach (var h in group.Take(Notes.Length))
            {
                var (note, outcome) = Notes[(i + group.Key) % Notes.Length];
                var status = ((i + group.Key) % 5) switch
                {
                    0 => ReferralStatus.Sent,
                    1 => ReferralStatus.Accepted,
                    2 => ReferralStatus.Done,
                    3 => ReferralStatus.Declined,
                    _ => ReferralStatus.Sent,
                };
                var created = now.AddDays(-(3 + 4 * i));
                db.Referrals.Add(new Referral
                {
                    HouseholdId = h.HouseholdId, PendampingId = h.PendampingId, MitraCode = mitra[(i + group.Key) % mitra.Count].Code, Note = note,
                    Status = status, CreatedAt = created, Version = Guid.NewGuid(),
                    AnsweredAt = status == ReferralStatus.Sent ? null : created.AddDays(2),
                    Outcome = status == ReferralStatus.Done ? outcome ?? "sudah didampingi" : null,
                    OutcomeAt = status == ReferralStatus.Done ? created.AddDays(3) : null,
                });
                i++;
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
