using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed record GraduationCandidate(int HouseholdId, string IdKpm, string Nama, int? PendampingId, GraduationType Suggested, IReadOnlyList<string> Rules);

/// <summary>
/// Households that look ready to graduate, by the explicit rules of <see cref="GraduationRulesOptions"/>:
/// (1) reported monthly income at or above the threshold in enough of the last calendar months (WIB);
/// (2) an usaha report saying the business has run long enough; (3) no komponen left (graduasi alamiah).
/// Only active households; the caller decides the scope. Used by /kandidat and by the reminders.
/// </summary>
public sealed class GraduationCandidates(IOptions<GraduationRulesOptions> options)
{
    public GraduationRulesOptions Rules => options.Value;

    public Task<IReadOnlyList<GraduationCandidate>> FindAsync(PkhDbContext db, Caller caller, DateTimeOffset now, CancellationToken ct)
        => FindAsync(db, HouseholdScope.Visible(db, caller), now, ct);

    public static IQueryable<ProgressReport> IncomeReports(PkhDbContext db, IQueryable<Household> active, long threshold, DateTimeOffset since)
        => db.Reports.Where(r => !r.Withdrawn && r.IncomeRupiah >= threshold && r.EventAt >= since && active.Any(h => h.Id == r.HouseholdId));

    public static IQueryable<ProgressReport> BusinessReports(PkhDbContext db, IQueryable<Household> active)
        => db.Reports.Where(r => !r.Withdrawn && r.Category == ReportCategory.Usaha && r.ValuesJson != null && r.ValuesJson.Contains("businessMonths")
                                 && active.Any(h => h.Id == r.HouseholdId));

    public async Task<IReadOnlyList<GraduationCandidate>> FindAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset now, CancellationToken ct)
    {
        var o = Rules;
        var active = scope.Where(h => h.Status == HouseholdStatus.Aktif);
        var rules = new Dictionary<int, List<string>>();
        var alamiah = new HashSet<int>();
        void Fire(int id, string rule) { if (!rules.TryGetValue(id, out var l)) rules[id] = l = []; l.Add(rule); }

        // (1) Income: distinct WIB calendar months with a report at or above the threshold.
        var today = Wib.Today(now);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(o.MonthsWindow - 1));
        var windowStart = Wib.StartOfDay(firstMonth);
        var threshold = o.IncomeThresholdRupiah;
        var incomeRows = await IncomeReports(db, active, threshold, windowStart)
            .Select(r => new { r.HouseholdId, r.EventAt }).ToListAsync(ct);
        foreach (var g in incomeRows.GroupBy(r => r.HouseholdId))
        {
            var months = g.Select(r => { var w = Wib.ToWib(r.EventAt); return w.Year * 12 + w.Month; }).Distinct().Count();
            if (months >= o.MonthsRequired)
                Fire(g.Key, $"penghasilan ≥ {Wib.Rupiah(threshold)}/bulan di {months} dari {o.MonthsWindow} bulan terakhir");
        }

        // (2) Business running long enough, as stated in an usaha report.
        var usahaRows = await BusinessReports(db, active)
            .Select(r => new { r.Id, r.HouseholdId, r.ValuesJson }).ToListAsync(ct);
        foreach (var g in usahaRows.GroupBy(r => r.HouseholdId))
        {
            var best = g.Select(r => new { r.Id, Months = ReportService.BusinessMonths(r.ValuesJson) ?? 0 }).MaxBy(x => x.Months)!;
            if (best.Months >= o.BusinessMonths) Fire(g.Key, $"usaha berjalan {best.Months} bulan (laporan No. {best.Id})");
        }

        // (3) No komponen left: graduasi alamiah.
        var noKomponen = await active.Where(h => h.IbuHamil + h.AnakUsiaDini + h.Sd + h.Smp + h.Sma + h.DisabilitasBerat + h.Lansia == 0)
            .Select(h => h.Id).Take(5000).ToListAsync(ct);
        foreach (var id in noKomponen)
        {
            Fire(id, "tidak ada komponen lagi (graduasi alamiah)");
            alamiah.Add(id);
        }

        var ids = rules.Keys.ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.IdKpm, h.NamaPengurus, h.PendampingId }).ToListAsync(ct);
        return households
            .Select(h => new GraduationCandidate(h.Id, h.IdKpm, h.NamaPengurus, h.PendampingId,
                alamiah.Contains(h.Id) && rules[h.Id].Count == 1 ? GraduationType.Alamiah : GraduationType.Mandiri, rules[h.Id]))
            .OrderBy(c => c.Suggested).ThenByDescending(c => c.Rules.Count).ThenBy(c => c.Nama)
            .ToList();
    }
}
