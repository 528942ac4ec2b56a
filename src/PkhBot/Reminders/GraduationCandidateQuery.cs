using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reminders;

/// <summary>
/// Minimal stand-in for Reporting's graduation-candidate service (swap when it lands): active households
/// with no komponen left (graduasi alamiah) or a reported income at or above the threshold in the last 90 days.
/// </summary>
public sealed class GraduationCandidateQuery(PkhDbContext db)
{
    public IQueryable<Household> Candidates(DateTimeOffset now, long incomeRupiah)
    {
        var since = now.AddDays(-90);
        return db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Aktif && h.PendampingId != null
            && (h.IbuHamil + h.AnakUsiaDini + h.Sd + h.Smp + h.Sma + h.DisabilitasBerat + h.Lansia == 0
                || db.Reports.Any(r => r.HouseholdId == h.Id && !r.Withdrawn && r.EventAt >= since && r.IncomeRupiah >= incomeRupiah)));
    }

    public async Task<Dictionary<int, int>> CountPerPendampingAsync(DateTimeOffset now, long incomeRupiah, CancellationToken ct)
        => await Candidates(now, incomeRupiah).GroupBy(h => h.PendampingId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<Dictionary<int, List<NamedHousehold>>> FirstPerPendampingAsync(IReadOnlyCollection<int> pendampingIds, DateTimeOffset now, long incomeRupiah, int take, CancellationToken ct)
    {
        var since = now.AddDays(-90);
        var rows = await db.Pendamping.AsNoTracking()
            .Where(p => pendampingIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Top = Candidates(now, incomeRupiah).Where(h => pendampingIds.Contains(h.PendampingId!.Value) && h.PendampingId == p.Id).OrderBy(h => h.NamaPengurus).ThenBy(h => h.Id).Take(take)
                    .Select(h => new
                    {
                        h.Id,
                        h.NamaPengurus,
                        Komponen = h.IbuHamil + h.AnakUsiaDini + h.Sd + h.Smp + h.Sma + h.DisabilitasBerat + h.Lansia,
                        Income = db.Reports.Where(r => r.HouseholdId == h.Id && !r.Withdrawn && r.EventAt >= since && r.IncomeRupiah != null)
                            .Max(r => r.IncomeRupiah),
                    }).ToList(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Top.Select(h => new NamedHousehold(h.Id, h.NamaPengurus,
            h.Komponen == 0 ? ReminderTexts.CandidateNoKomponen : ReminderTexts.CandidateIncome(h.Income ?? 0))).ToList());
    }
}
