using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace PkhBot.Reminders;

/// <summary>
/// Monthly, from the first working day: graduation candidates per pendamping, by Reporting's rules
/// (<see cref="Reporting.GraduationCandidates"/>, the same as /kandidat). The trigger fires every
/// working day; the planner speaks only in the first working week so a run missed by downtime still goes
/// out once (the month is the dedupe period) and candidates do not trickle in all month.
/// </summary>
public sealed class GraduationCandidatesPlanner(GraduationCandidateQuery query, RecipientDirectory directory, WorkCalendar calendar, IOptions<RemindersOptions> options) : IReminderPlanner
{
    public string Job => JobNames.GraduationCandidates;

    public static bool IsDue(WorkCalendar calendar, DateOnly today)
    {
        var first = calendar.FirstWorkingDayOfMonth(today.Year, today.Month);
        return calendar.IsWorkingDay(today) && today >= first && today <= first.AddDays(6);
    }

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var o = options.Value;
        var today = calendar.LocalDate(now);
        if (!IsDue(calendar, today)) yield break;
        var recipients = await directory.PendampingAsync(ct);
        if (recipients.Count == 0) yield break;

        var set = await query.ApplyAsync(now, ct);   // Reporting's rule, the one /kandidat uses
        var counts = await GraduationCandidateQuery.CountPerPendampingAsync(set, ct);
        foreach (var chunk in counts.Keys.Where(recipients.ContainsKey).Order().Chunk(o.BatchSize))
        {
            var first = await query.FirstPerPendampingAsync(set, chunk, Math.Max(1, o.NamesListed), ct);
            foreach (var id in chunk)
                yield return new PlannedNudge($"pendamping:{id}", WorkCalendar.MonthKey(today), recipients[id],
                    ReminderTexts.GraduationCandidates(counts[id], first.GetValueOrDefault(id) ?? []));
        }
    }
}
