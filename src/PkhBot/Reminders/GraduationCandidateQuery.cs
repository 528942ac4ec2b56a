using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>
/// The graduation nudge's view of Reporting's <see cref="GraduationCandidates"/> (the one rule, also behind
/// /kandidat): the same candidate set, over the households that have a pendamping, counted per pendamping in
/// SQL and listed a few names per pendamping batch. Nothing here decides who is a candidate.
/// </summary>
public sealed class GraduationCandidateQuery(PkhDbContext db, GraduationCandidates rules)
{
    public Task<GraduationRuleSet> ApplyAsync(DateTimeOffset now, CancellationToken ct)
        => rules.ApplyAsync(db, db.Households.AsNoTracking().Where(h => h.PendampingId != null), now, ct);

    public static async Task<Dictionary<int, int>> CountPerPendampingAsync(GraduationRuleSet set, CancellationToken ct)
        => await set.Candidates.GroupBy(h => h.PendampingId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The first <paramref name="take"/> candidates (by name) of each pendamping, each with the rule that makes it one.</summary>
    public async Task<Dictionary<int, List<NamedHousehold>>> FirstPerPendampingAsync(GraduationRuleSet set, IReadOnlyCollection<int> pendampingIds, int take, CancellationToken ct)
    {
        var candidates = set.Candidates;
        var rows = await db.Pendamping.AsNoTracking()
            .Where(p => pendampingIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Top = candidates.Where(h => pendampingIds.Contains(h.PendampingId!.Value) && h.PendampingId == p.Id)
                    .OrderBy(h => h.NamaPengurus).ThenBy(h => h.Id).Take(take)
                    .Select(h => new { h.Id, h.NamaPengurus }).ToList(),
            })
            .ToListAsync(ct);

        var ids = rows.SelectMany(r => r.Top.Select(h => h.Id)).ToArray();
        var alamiah = (await set.Active.Where(GraduationCandidates.NoKomponen).Where(h => EF.Parameter(ids).Contains(h.Id)).Select(h => h.Id).ToListAsync(ct)).ToHashSet();
        var income = await set.IncomeReports.Where(r => EF.Parameter(ids).Contains(r.HouseholdId))
            .GroupBy(r => r.HouseholdId).Select(g => new { g.Key, Max = g.Max(r => r.IncomeRupiah) })
            .ToDictionaryAsync(x => x.Key, x => x.Max ?? 0, ct);

        string Note(int id) => alamiah.Contains(id) ? ReminderTexts.CandidateNoKomponen
            : set.Income.ContainsKey(id) ? ReminderTexts.CandidateIncome(income.GetValueOrDefault(id))
            : set.Business.TryGetValue(id, out var b) ? ReminderTexts.CandidateBusiness(b.Months)
            : "";
        return rows.ToDictionary(r => r.Id, r => r.Top.Select(h => new NamedHousehold(h.Id, h.NamaPengurus, Note(h.Id))).ToList());
    }
}
