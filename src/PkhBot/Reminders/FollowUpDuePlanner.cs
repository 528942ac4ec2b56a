using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>Daily: follow-ups due today, to their pendamping (streamed in pendamping order).</summary>
public sealed class FollowUpDuePlanner(PkhDbContext db, RecipientDirectory directory, WorkCalendar calendar, IOptions<RemindersOptions> options) : IReminderPlanner
{
    public string Job => JobNames.FollowUpDue;

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var today = calendar.LocalDate(now);
        var period = WorkCalendar.DayKey(today);
        var recipients = await directory.PendampingAsync(ct);
        if (recipients.Count == 0) yield break;

        var rows = db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.DueDate == today)
            .OrderBy(f => f.PendampingId).ThenBy(f => f.Id)
            .Select(f => new { f.PendampingId, f.HouseholdId, Nama = f.Household!.NamaPengurus, f.Issue })
            .AsAsyncEnumerable();

        int? current = null;
        var total = 0;
        var first = new List<NamedHousehold>();
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (r.PendampingId != current)
            {
                if (Flush() is { } n) yield return n;
                current = r.PendampingId;
                total = 0;
                first = [];
            }
            total++;
            if (first.Count < Math.Max(1, options.Value.NamesListed)) first.Add(new NamedHousehold(r.HouseholdId, r.Nama, r.Issue));
        }
        if (Flush() is { } last) yield return last;

        PlannedNudge? Flush()
            => current is { } id && total > 0 && recipients.TryGetValue(id, out var to)
                ? new PlannedNudge($"pendamping:{id}", period, to, ReminderTexts.FollowUpDue(total, first))
                : null;
    }
}
