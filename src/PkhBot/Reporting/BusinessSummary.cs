using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Reporting;

/// <summary>What Reporting tells other features about a household's business: the latest business report, masked.</summary>
public static class BusinessSummary
{
    public const int MaxLength = 200;

    public static async Task<string?> LatestAsync(PkhDbContext db, int householdId, CancellationToken ct)
    {
        var note = await db.Reports.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Category == ReportCategory.Usaha && !r.Withdrawn)
            .OrderByDescending(r => r.EventAt).ThenByDescending(r => r.Id)
            .Select(r => r.Note).FirstOrDefaultAsync(ct);
        if (note is null) return null;
        var masked = Privacy.Mask.Text(note.Trim());
        return masked.Length <= MaxLength ? masked : masked[..(MaxLength - 1)] + "…";
    }
}
