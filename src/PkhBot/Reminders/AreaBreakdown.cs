using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>One bar of the rekap chart: a pendamping (in a kecamatan's rekap) or a kecamatan (in the kabupaten's).</summary>
public sealed record AreaBar(string Name, int Households, int Visited30d, int OpenFollowUps, int Candidates)
{
    public int VisitedPercent => Households == 0 ? 0 : (int)Math.Round(100.0 * Visited30d / Households);
}

/// <summary>Reports and graduations per week (Monday first, WIB), oldest first.</summary>
public sealed record WeekPoint(DateOnly WeekStart, int Reports, int Graduations);

/// <summary>
/// What the /rekap charts draw beyond the digest: per pendamping within one kecamatan (visit rate, open follow-ups,
/// graduation candidates) and the 12-week trend of reports and graduations. Counts only; queries grouped in SQL.
/// </summary>
public sealed class AreaBreakdown(PkhDbContext db, WorkCalendar calendar, GraduationCandidates candidates)
{
    public const int TrendWeeks = 12;

    public async Task<IReadOnlyList<AreaBar>> PerPendampingAsync(IQueryable<Household> scope, DateTimeOffset now, CancellationToken ct)
    {
        var since30 = now.AddDays(-30);
        var active = scope.Where(h => h.Status == HouseholdStatus.Aktif);
        var counts = await active.GroupBy(h => h.PendampingId)
            .Select(g => new { g.Key, Households = g.Count(), Visited = g.Count(h => h.LastReportAt >= since30) }).ToListAsync(ct);
        var open = await db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open && active.Any(h => h.Id == f.HouseholdId))
            .GroupBy(f => f.PendampingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ready = (await candidates.FindAsync(db, scope, now, ct)).GroupBy(c => c.PendampingId ?? 0).ToDictionary(g => g.Key, g => g.Count());
        var names = await db.Pendamping.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Nama, ct);
        return counts.Select(c => new AreaBar(
                c.Key is int id ? names.GetValueOrDefault(id) ?? "?" : "(tanpa pendamping)", c.Households, c.Visited,
                c.Key is int i2 ? open.GetValueOrDefault(i2) : 0, ready.GetValueOrDefault(c.Key ?? 0)))
            .OrderByDescending(b => b.VisitedPercent).ThenBy(b => b.Name).ToList();
    }

    public async Task<IReadOnlyList<WeekPoint>> TrendAsync(IQueryable<Household> scope, DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.LocalDate(now);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var starts = Enumerable.Range(0, TrendWeeks + 1).Select(i => calendar.AtLocal(thisWeek.AddDays(7 * (i - TrendWeeks + 1)), TimeOnly.MinValue)).ToList();
        var from = starts[0];
        // Counted by the database, week by week: a province's reports never come into memory.
        var inScope = db.Reports.AsNoTracking().Where(r => !r.Withdrawn && scope.Any(h => h.Id == r.HouseholdId));
        var reportCounts = new int[TrendWeeks];
        for (var i = 0; i < TrendWeeks; i++)
        {
            DateTimeOffset start = starts[i], end = i == TrendWeeks - 1 && starts[i + 1] > now ? now.AddTicks(1) : starts[i + 1];
            reportCounts[i] = await inScope.CountAsync(r => r.EventAt >= start && r.EventAt < end, ct);
        }
        var graduations = await GraduationFigures.InPeriodAsync(db, scope, from, now.AddTicks(1), ct);
        return Enumerable.Range(0, TrendWeeks).Select(i => new WeekPoint(
                DateOnly.FromDateTime(calendar.ToLocal(starts[i]).DateTime),
                reportCounts[i],
                graduations.Count(g => g.GraduatedAt >= starts[i] && g.GraduatedAt < starts[i + 1])))
            .ToList();
    }
}
