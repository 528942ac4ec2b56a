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

    public static TheoryData<string, Func<PkhDbContext, IQueryable<object>>> Queries => new()
    {
        { "households of a pendamping", db => db.Households.Where(h => h.PendampingId == 1).OrderBy(h => h.NamaPengurus).Skip(10).Take(10).Select(h => (object)h.Id) },
        { "households not visited in 30 days", db => db.Households.Where(h => h.PendampingId == 1 && (h.LastReportAt == null || h.LastReportAt < Since)).Select(h => (object)h.Id) },
        { "reports since a date", db => db.Reports.Where(r => r.ReceivedAt >= Since && !r.Withdrawn).GroupBy(r => r.Household!.KecamatanId).Select(g => (object)new { g.Key, N = g.Count() }) },
        { "open follow-ups by due date", db => db.FollowUps.Where(f => f.Status == FollowUpStatus.Open && f.DueDate <= DateOnly.FromDateTime(Since.Date)).OrderBy(f => f.DueDate).Select(f => (object)f.Id) },
        { "name search", db => db.Households.Where(h => h.NamaSearch.Contains("aminah")).Take(10).Select(h => (object)h.Id) },
        { "pending outbox", db => db.Outbox.Where(m => m.Status == Channels.Outbox.OutboxStatus.Pending && m.Channel == "telegram" && m.NotBefore <= Since).OrderBy(m => m.Id).Take(100).Select(m => (object)m.Id) },
    };

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
