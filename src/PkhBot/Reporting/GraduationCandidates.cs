using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed record GraduationCandidate(int HouseholdId, string IdKpm, string Nama, int? PendampingId, GraduationType Suggested, IReadOnlyList<string> Rules);

/// <summary>A household meeting the income rule, with the number of window months it reached the threshold in.</summary>
public sealed class IncomeMonths
{
    public int HouseholdId { get; init; }
    public int Months { get; init; }
}

/// <summary>A household meeting the usaha rule: the longest business run stated, and the report that stated it.</summary>
public sealed record BusinessEvidence(int Months, int ReportId);

/// <summary>One (household, window month) pair with an income report at or above the threshold.</summary>
public sealed class HouseholdMonth
{
    public int HouseholdId { get; set; }
    public int Month { get; set; }
}

/// <summary>
/// The graduation rules of <see cref="GraduationRulesOptions"/> applied to a scope at one moment. Rules 1 and 2 are
/// evaluated once (rule 1 aggregated in SQL, rule 2 read out of the usaha reports' JSON) and only the ids of the
/// households that meet them are kept; <see cref="Candidates"/> is then a plain SQL filter every consumer
/// (/kandidat, the monthly graduation nudge) starts from, so they agree by construction.
/// </summary>
public sealed class GraduationRuleSet
{
    internal GraduationRuleSet(IQueryable<Household> active, IQueryable<ProgressReport> incomeReports, IReadOnlyDictionary<int, int> income,
        IReadOnlyDictionary<int, BusinessEvidence> business, IQueryable<Household> candidates)
        => (Active, IncomeReports, Income, Business, Candidates) = (active, incomeReports, income, business, candidates);

    /// <summary>Active households of the scope.</summary>
    public IQueryable<Household> Active { get; }

    /// <summary>Not withdrawn reports of active households with income at/above the threshold inside the month window.</summary>
    public IQueryable<ProgressReport> IncomeReports { get; }

    /// <summary>Rule 1: households with income at/above the threshold in at least MonthsRequired window months -> that number of months.</summary>
    public IReadOnlyDictionary<int, int> Income { get; }

    /// <summary>Rule 2: households whose usaha report says the business has run at least BusinessMonths months.</summary>
    public IReadOnlyDictionary<int, BusinessEvidence> Business { get; }

    /// <summary>Active households meeting rule 1, rule 2 or rule 3 (no komponen left).</summary>
    public IQueryable<Household> Candidates { get; }
}

/// <summary>
/// Households that look ready to graduate, by the explicit rules of <see cref="GraduationRulesOptions"/>:
/// (1) reported monthly income at or above the threshold in at least MonthsRequired of the last MonthsWindow
/// calendar months (WIB; the current month counts as one of them); (2) an usaha report saying the business has
/// run at least BusinessMonths months; (3) no komponen left (graduasi alamiah). Only active households; the
/// caller decides the scope. The one definition, used by /kandidat and by the reminders' graduation nudge.
/// </summary>
public sealed class GraduationCandidates(IOptions<GraduationRulesOptions> options)
{
    public GraduationRulesOptions Rules => options.Value;

    /// <summary>Rule 3 (graduasi alamiah): no komponen left.</summary>
    public static readonly Expression<Func<Household, bool>> NoKomponen =
        h => h.IbuHamil + h.AnakUsiaDini + h.Sd + h.Smp + h.Sma + h.DisabilitasBerat + h.Lansia == 0;

    /// <summary>Start of each month of the window (WIB), oldest first, plus the start of the next month: MonthsWindow + 1 instants.</summary>
    public static IReadOnlyList<DateTimeOffset> WindowMonthStarts(int monthsWindow, DateTimeOffset now)
    {
        var today = Wib.Today(now);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(monthsWindow - 1));
        return Enumerable.Range(0, monthsWindow + 1).Select(i => Wib.StartOfDay(first.AddMonths(i))).ToList();
    }

    public static IQueryable<ProgressReport> IncomeReports(PkhDbContext db, IQueryable<Household> active, long threshold, DateTimeOffset since, DateTimeOffset until)
        => db.Reports.Where(r => !r.Withdrawn && r.IncomeRupiah >= threshold && r.EventAt >= since && r.EventAt < until && active.Any(h => h.Id == r.HouseholdId));

    public static IQueryable<ProgressReport> BusinessReports(PkhDbContext db, IQueryable<Household> active)
        => db.Reports.Where(r => !r.Withdrawn && r.Category == ReportCategory.Usaha && r.ValuesJson != null && r.ValuesJson.Contains("businessMonths")
                                 && active.Any(h => h.Id == r.HouseholdId));

    /// <summary>
    /// Rule 1 in SQL: income reports of the window, one row per (household, window month) — the month index is a
    /// CASE over the month boundaries, so no date function is needed on either provider — then households with
    /// at least <paramref name="monthsRequired"/> distinct months.
    /// </summary>
    public static IQueryable<IncomeMonths> IncomeMonthCounts(IQueryable<ProgressReport> windowReports, IReadOnlyList<DateTimeOffset> monthStarts, int monthsRequired)
        => windowReports.Select(MonthOf(monthStarts)).Distinct()
            .GroupBy(x => x.HouseholdId)
            .Where(g => g.Count() >= monthsRequired)
            .Select(g => new IncomeMonths { HouseholdId = g.Key, Months = g.Count() });

    /// <summary>r => new HouseholdMonth { HouseholdId = r.HouseholdId, Month = r.EventAt &lt; starts[1] ? 0 : r.EventAt &lt; starts[2] ? 1 : ... }.</summary>
    private static Expression<Func<ProgressReport, HouseholdMonth>> MonthOf(IReadOnlyList<DateTimeOffset> starts)
    {
        var r = Expression.Parameter(typeof(ProgressReport), "r");
        var at = Expression.Property(r, nameof(ProgressReport.EventAt));
        var months = starts.Count - 1;
        Expression index = Expression.Constant(months - 1);
        for (var i = months - 2; i >= 0; i--)
            index = Expression.Condition(Expression.LessThan(at, Expression.Constant(starts[i + 1])), Expression.Constant(i), index);
        var body = Expression.MemberInit(Expression.New(typeof(HouseholdMonth)),
            Expression.Bind(typeof(HouseholdMonth).GetProperty(nameof(HouseholdMonth.HouseholdId))!, Expression.Property(r, nameof(ProgressReport.HouseholdId))),
            Expression.Bind(typeof(HouseholdMonth).GetProperty(nameof(HouseholdMonth.Month))!, index));
        return Expression.Lambda<Func<ProgressReport, HouseholdMonth>>(body, r);
    }

    /// <summary>
    /// Applies the rules to <paramref name="scope"/> as of <paramref name="now"/>: rule 1 is one GROUP BY in SQL, rule 2
    /// reads businessMonths out of the usaha reports' JSON; both are streamed and only the qualifying household ids
    /// are kept (never every household). Rule 3 stays in SQL.
    /// </summary>
    public async Task<GraduationRuleSet> ApplyAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset now, CancellationToken ct)
    {
        var o = Rules;
        var active = scope.Where(h => h.Status == HouseholdStatus.Aktif);
        var starts = WindowMonthStarts(o.MonthsWindow, now);
        var incomeReports = IncomeReports(db, active, o.IncomeThresholdRupiah, starts[0], starts[^1]);
        var income = new Dictionary<int, int>();
        await foreach (var x in IncomeMonthCounts(incomeReports, starts, o.MonthsRequired).AsAsyncEnumerable().WithCancellation(ct))
            income[x.HouseholdId] = x.Months;

        var business = new Dictionary<int, BusinessEvidence>();
        await foreach (var r in BusinessReports(db, active).AsNoTracking().OrderBy(r => r.Id)
                           .Select(r => new { r.Id, r.HouseholdId, r.ValuesJson }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var months = ReportService.BusinessMonths(r.ValuesJson) ?? 0;
            if (months >= o.BusinessMonths && (!business.TryGetValue(r.HouseholdId, out var best) || months > best.Months))
                business[r.HouseholdId] = new BusinessEvidence(months, r.Id);
        }

        var candidates = CandidatesOf(active, income.Keys.Union(business.Keys).Order().ToArray());
        return new GraduationRuleSet(active, incomeReports, income, business, candidates);
    }

    /// <summary>Active households with no komponen (rule 3) or among <paramref name="ruleIds"/> (households meeting rule 1 or 2).</summary>
    public static IQueryable<Household> CandidatesOf(IQueryable<Household> active, int[] ruleIds)
        // One JSON parameter whatever the count (no SQL Server 2,100-parameter limit).
        => ruleIds.Length == 0 ? active.Where(NoKomponen) : active.Where(Or(NoKomponen, h => EF.Parameter(ruleIds).Contains(h.Id)));

    public Task<IReadOnlyList<GraduationCandidate>> FindAsync(PkhDbContext db, Caller caller, DateTimeOffset now, CancellationToken ct)
        => FindAsync(db, HouseholdScope.Visible(db, caller), now, ct);

    public async Task<IReadOnlyList<GraduationCandidate>> FindAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset now, CancellationToken ct)
    {
        var o = Rules;
        var set = await ApplyAsync(db, scope, now, ct);
        var income = set.Income;
        var alamiah = (await set.Candidates.Where(NoKomponen).Select(h => h.Id).ToListAsync(ct)).ToHashSet();
        var households = await set.Candidates.AsNoTracking().Select(h => new { h.Id, h.IdKpm, h.NamaPengurus, h.PendampingId }).ToListAsync(ct);
        return households
            .Select(h =>
            {
                var rules = new List<string>();
                if (income.TryGetValue(h.Id, out var months))
                    rules.Add(ReportingTexts.RuleIncome(o.IncomeThresholdRupiah, months, o.MonthsWindow));
                if (set.Business.TryGetValue(h.Id, out var b)) rules.Add(ReportingTexts.RuleBusiness(b.Months, b.ReportId));
                if (alamiah.Contains(h.Id)) rules.Add(ReportingTexts.RuleNoKomponen);
                return new GraduationCandidate(h.Id, h.IdKpm, h.NamaPengurus, h.PendampingId,
                    alamiah.Contains(h.Id) && rules.Count == 1 ? GraduationType.Alamiah : GraduationType.Mandiri, rules);
            })
            .OrderBy(c => c.Suggested).ThenByDescending(c => c.Rules.Count).ThenBy(c => c.Nama)
            .ToList();
    }

    /// <summary>a || b over one parameter (EF translates it as one WHERE).</summary>
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var p = a.Parameters[0];
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, right), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
