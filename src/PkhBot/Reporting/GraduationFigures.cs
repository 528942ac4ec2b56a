using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>What Reporting tells other features about graduations and business reports of a scope.</summary>
public static class GraduationFigures
{
    public sealed record Recorded(int HouseholdId, GraduationType Type, DateTimeOffset GraduatedAt);

    /// <summary>Graduations of the scope's households that took effect in [from, until).</summary>
    public static Task<List<Recorded>> InPeriodAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
        => db.Graduations.AsNoTracking()
            .Where(g => g.GraduatedAt >= from && g.GraduatedAt < until && scope.Any(h => h.Id == g.HouseholdId))
            .Select(g => new Recorded(g.HouseholdId, g.Type, g.GraduatedAt))
            .ToListAsync(ct);

    /// <summary>Graduasi mandiri of the scope (any year) still without the photo of the signed statement.</summary>
    public static Task<int> WithoutStatementAsync(PkhDbContext db, IQueryable<Household> scope, CancellationToken ct)
        => db.Graduations.CountAsync(g => g.Type == GraduationType.Mandiri && g.StatementPhotoFileId == null && scope.Any(h => h.Id == g.HouseholdId), ct);

    /// <summary>For the household card: whether its latest graduasi mandiri has the signed statement; null when it has none.</summary>
    public static async Task<bool?> HasStatementAsync(PkhDbContext db, int householdId, CancellationToken ct)
    {
        var g = await db.Graduations.AsNoTracking().Where(x => x.HouseholdId == householdId && x.Type == GraduationType.Mandiri)
            .OrderByDescending(x => x.Id).Select(x => new { x.StatementPhotoFileId }).FirstOrDefaultAsync(ct);
        return g is null ? null : g.StatementPhotoFileId is not null;
    }

    /// <summary>Households of the scope with at least one business report (not withdrawn) made before <paramref name="until"/>.</summary>
    public static async Task<HashSet<int>> WithBusinessAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset until, CancellationToken ct)
        => (await db.Reports.AsNoTracking()
            .Where(r => r.Category == ReportCategory.Usaha && !r.Withdrawn && r.EventAt < until && scope.Any(h => h.Id == r.HouseholdId))
            .Select(r => r.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
}
