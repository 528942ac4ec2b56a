using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>
/// Daily: follow-ups overdue by N+ days go to the coordinators whose scope covers the household's
/// kecamatan (and to whole-kabupaten coordinators), grouped by pendamping.
/// </summary>
public sealed class EscalationPlanner(PkhDbContext db, RecipientDirectory directory, WorkCalendar calendar, IOptions<RemindersOptions> options) : IReminderPlanner
{
    public string Job => JobNames.Escalation;

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var days = options.Value.EscalationOverdueDays;
        var today = calendar.LocalDate(now);
        var dueOnOrBefore = today.AddDays(-days);
        var recipients = await directory.CoordinatorsAsync(ct);
        if (recipients.Count == 0) yield break;

        var groups = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.DueDate <= dueOnOrBefore)
            .GroupBy(f => new { f.Household!.KecamatanId, f.PendampingId })
            .Select(g => new OverdueCell(g.Key.KecamatanId, g.Key.PendampingId, g.Count()))
            .ToListAsync(ct);
        if (groups.Count == 0) yield break;

        var pendampingIds = groups.Select(g => g.PendampingId).Distinct().ToList();
        var pendamping = await db.Pendamping.AsNoTracking().Where(p => pendampingIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Nama, ct);
        var kecamatan = await db.Kecamatan.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Nama, ct);

        foreach (var scope in await directory.CoordinatorScopesAsync(ct))
        {
            if (!recipients.TryGetValue(scope.Id, out var to)) continue;
            var lines = Select(groups, scope, pendamping, kecamatan);
            if (lines.Count == 0) continue;
            yield return new PlannedNudge($"coordinator:{scope.Id}", WorkCalendar.DayKey(today), to, ReminderTexts.Escalation(lines, days));
        }
    }

    /// <summary>The coordinator's share: cells in scope, summed per pendamping, biggest first.</summary>
    public static List<OverdueGroup> Select(IEnumerable<OverdueCell> cells, CoordinatorScope scope, IReadOnlyDictionary<int, string> pendamping, IReadOnlyDictionary<int, string> kecamatan)
        => cells.Where(c => scope.Covers(c.KecamatanId))
            .GroupBy(c => c.PendampingId)
            .Select(g => new OverdueGroup(
                pendamping.GetValueOrDefault(g.Key) ?? $"#{g.Key}",
                string.Join(", ", g.Select(c => kecamatan.GetValueOrDefault(c.KecamatanId) ?? "?").Distinct().Order()),
                g.Sum(c => c.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Pendamping)
            .ToList();
}

public sealed record OverdueCell(int KecamatanId, int PendampingId, int Count);
