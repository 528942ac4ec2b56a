using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>
/// Monday: to each pendamping with something to say — households not reported for N days (count and the
/// first few names), follow-ups due this week, P2K2 not recorded this month. Counts are aggregated in SQL.
/// </summary>
public sealed class PendampingWeeklyPlanner(PkhDbContext db, RecipientDirectory directory, WorkCalendar calendar, IOptions<RemindersOptions> options) : IReminderPlanner
{
    public string Job => JobNames.PendampingWeekly;

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var o = options.Value;
        var today = calendar.LocalDate(now);
        var period = WorkCalendar.WeekKey(today);
        var cutoff = now.AddDays(-o.NoReportDays);
        var weekStart = WorkCalendar.WeekStart(today);
        var weekEnd = weekStart.AddDays(6);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var nextMonth = monthStart.AddMonths(1);

        var recipients = await directory.PendampingAsync(ct);
        if (recipients.Count == 0) yield break;

        var unreported = await Unreported(cutoff)
            .GroupBy(h => h.PendampingId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var due = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.DueDate >= weekStart && f.DueDate <= weekEnd)
            .GroupBy(f => f.PendampingId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var p2k2Done = (await db.P2K2Sessions.AsNoTracking()
            .Where(s => s.HeldOn >= monthStart && s.HeldOn < nextMonth)
            .Select(s => s.PendampingId).Distinct().ToListAsync(ct)).ToHashSet();

        // Questions KPM handed to a person (issue 9) that still wait for this pendamping's answer.
        var questions = await db.Handoffs.AsNoTracking()
            .Where(h => h.Status == Announcements.HandoffStatus.Open && h.AssignedPendampingId != null)
            .GroupBy(h => h.AssignedPendampingId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        foreach (var chunk in recipients.Keys.Order().Chunk(o.BatchSize))
        {
            var needNames = chunk.Where(unreported.ContainsKey).ToList();
            var names = o.NamesListed == 0 || needNames.Count == 0
                ? new Dictionary<int, List<NamedHousehold>>()
                : await FirstUnreportedAsync(needNames, cutoff, o.NamesListed, ct);
            foreach (var id in chunk)
            {
                var facts = new PendampingWeeklyFacts(
                    unreported.GetValueOrDefault(id),
                    names.GetValueOrDefault(id) ?? [],
                    due.GetValueOrDefault(id),
                    !p2k2Done.Contains(id),
                    ReminderTexts.MonthName(today),
                    questions.GetValueOrDefault(id));
                var reply = ReminderTexts.PendampingWeekly(facts, o.NoReportDays);
                if (reply is not null) yield return new PlannedNudge($"pendamping:{id}", period, recipients[id], reply);
            }
        }
    }

    private IQueryable<Household> Unreported(DateTimeOffset cutoff)
        => db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Aktif && h.PendampingId != null
                                                   && (h.LastReportAt == null || h.LastReportAt < cutoff));

    /// <summary>The longest-unvisited households first (never reported before anything else), a few per pendamping.</summary>
    private async Task<Dictionary<int, List<NamedHousehold>>> FirstUnreportedAsync(List<int> ids, DateTimeOffset cutoff, int take, CancellationToken ct)
    {
        var rows = await db.Pendamping.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                // The chunk filter inside keeps the per-pendamping window to this chunk's households.
                Top = Unreported(cutoff).Where(h => ids.Contains(h.PendampingId!.Value) && h.PendampingId == p.Id)
                    .OrderBy(h => h.LastReportAt).ThenBy(h => h.Id).Take(take)
                    .Select(h => new NamedHousehold(h.Id, h.NamaPengurus, null)).ToList(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Top);
    }
}
