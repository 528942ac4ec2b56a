using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Data;

/// <summary>
/// No SQL Server runs here, so the queries the bot runs all day are translated for it: a LINQ expression
/// only SQLite can run fails CI, not production. Feature work adds its hot queries below.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static SqlServerDbContext Db() => new SqlServerDesignTimeFactory().CreateDbContext([]);
    private static readonly DateTimeOffset Since = new(2025, 11, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly global::PkhBot.Conversation.Caller Pendamping = new(1, global::PkhBot.Onboarding.Role.Pendamping, 1, 1, null, false, [], "p");
    private static readonly global::PkhBot.Conversation.Caller Koordinator = new(2, global::PkhBot.Onboarding.Role.Koordinator, 2, null, 1, false, [1, 2], "k");

    public static TheoryData<string, Func<PkhDbContext, IQueryable<object>>> Queries => new()
    {
        { "households of a pendamping", db => db.Households.Where(h => h.PendampingId == 1).OrderBy(h => h.NamaPengurus).Skip(10).Take(10).Select(h => (object)h.Id) },
        { "households not visited in 30 days", db => db.Households.Where(h => h.PendampingId == 1 && (h.LastReportAt == null || h.LastReportAt < Since)).Select(h => (object)h.Id) },
        { "reports since a date", db => db.Reports.Where(r => r.ReceivedAt >= Since && !r.Withdrawn).GroupBy(r => r.Household!.KecamatanId).Select(g => (object)new { g.Key, N = g.Count() }) },
        { "open follow-ups by due date", db => db.FollowUps.Where(f => f.Status == FollowUpStatus.Open && f.DueDate <= DateOnly.FromDateTime(Since.Date)).OrderBy(f => f.DueDate).Select(f => (object)f.Id) },
        { "name search", db => db.Households.Where(h => h.NamaSearch.Contains("aminah")).Take(10).Select(h => (object)h.Id) },
        { "pending outbox", db => db.Outbox.Where(m => m.Status == Channels.Outbox.OutboxStatus.Pending && m.Channel == "telegram" && m.NotBefore <= Since).OrderBy(m => m.Id).Take(100).Select(m => (object)m.Id) },
        // Reporting (households in scope, search, follow-ups, graduation candidates, data quality).
        { "households of a koordinator's kecamatan", db => global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator).OrderBy(h => h.NamaPengurus).Take(10).Select(h => (object)h.Id) },
        { "name search prefilter", db => global::PkhBot.Households.HouseholdSearch.NamePrefilter(global::PkhBot.Households.HouseholdScope.Visible(db, Pendamping), "siti aminnah").Take(2000).Select(h => (object)new { h.Id, h.NamaSearch }) },
        { "households with open follow-ups", db => global::PkhBot.Households.KpmFilter.Apply(global::PkhBot.Households.HouseholdScope.Visible(db, Pendamping), db, "t", Since).Select(h => (object)h.Id) },
        { "desa menu", db => global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator).Where(h => h.DesaId != null).GroupBy(h => new { h.DesaId, h.Desa!.Nama }).OrderByDescending(g => g.Count()).Take(20).Select(g => (object)new { g.Key.DesaId, g.Key.Nama, N = g.Count() }) },
        { "open follow-ups in scope", db => global::PkhBot.Reporting.TindakLanjutCommand.OpenInScope(db, global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator)).OrderBy(f => f.DueDate).Take(30).Select(f => (object)new { f.Id, f.Household!.NamaPengurus }) },
        { "graduation income reports", db => global::PkhBot.Reporting.GraduationCandidates.IncomeReports(db, db.Households.Where(h => h.Status == global::PkhBot.Households.HouseholdStatus.Aktif), 2_500_000, Since, Since.AddMonths(4)).Select(r => (object)new { r.HouseholdId, r.EventAt }) },
        { "graduation income months per household", db => IncomeMonths(db).Select(x => (object)x) },
        { "graduation candidates with rule ids", db => Candidates(db, [3, 5, 8]).Select(h => (object)h.Id) },
        { "graduation candidates per pendamping", db => Candidates(db, []).GroupBy(h => h.PendampingId!.Value).Select(g => (object)new { g.Key, N = g.Count() }) },
        { "graduation candidates, first per pendamping", db => db.Pendamping.Where(p => new[] { 1, 2 }.Contains(p.Id)).Select(p => (object)new { p.Id, Top = Candidates(db, new[] { 4 }).Where(h => h.PendampingId == p.Id).OrderBy(h => h.NamaPengurus).ThenBy(h => h.Id).Take(3).Select(h => new { h.Id, h.NamaPengurus }).ToList() }) },
        { "data quality per kecamatan", db => global::PkhBot.Reporting.DataQualityReport.PerKecamatan(global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator)).Select(x => (object)x) },
        { "graduation business reports", db => global::PkhBot.Reporting.GraduationCandidates.BusinessReports(db, db.Households).Select(r => (object)new { r.Id, r.ValuesJson }) },
        { "duplicate NIK rows", db => global::PkhBot.Reporting.DataQualityReport.DuplicateNikRows(global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator)).Select(h => (object)new { h.Nik, h.IdKpm }) },
        { "overloaded pendamping", db => global::PkhBot.Reporting.DataQualityReport.Overloaded(db.Households, 300).Take(20).Select(x => (object)x) },
        { "name search, all tokens", db => global::PkhBot.Households.HouseholdSearch.AllTokens(global::PkhBot.Households.HouseholdScope.Visible(db, Koordinator), "siti aminah").Take(2000).Select(h => (object)h.Id) },
        { "last report time", db => db.Reports.Where(r => r.HouseholdId == 1 && !r.Withdrawn && r.Id != 2).OrderByDescending(r => r.EventAt).Select(r => (object)(DateTimeOffset?)r.EventAt) },
    };

    private static IQueryable<global::PkhBot.Households.Household> Active(PkhDbContext db) => db.Households.Where(h => h.Status == global::PkhBot.Households.HouseholdStatus.Aktif);

    private static IQueryable<IncomeMonths> IncomeMonths(PkhDbContext db)
    {
        var starts = GraduationCandidates.WindowMonthStarts(4, Since);
        return GraduationCandidates.IncomeMonthCounts(GraduationCandidates.IncomeReports(db, Active(db), 2_500_000, starts[0], starts[^1]), starts, 3);
    }

    private static IQueryable<global::PkhBot.Households.Household> Candidates(PkhDbContext db, int[] businessIds)
        => GraduationCandidates.CandidatesOf(Active(db), businessIds);

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_translates_for_SqlServer(string name, Func<PkhDbContext, IQueryable<object>> query)
    {
        using var db = Db();
        var sql = query(db).ToQueryString();
        Assert.False(string.IsNullOrWhiteSpace(sql), name);
        Assert.Contains("SELECT", sql);
    }
}
