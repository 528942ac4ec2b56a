using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Onboarding;

/// <summary>The onboarding and roster queries, translated for SQL Server without a server (see Data/SqlServerTranslationTests).</summary>
public sealed class OnboardingSqlServerTranslationTests
{
    private static SqlServerDbContext Db() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    public static TheoryData<string, Func<PkhDbContext, IQueryable<object>>> Queries => new()
    {
        { "invite by code hash", db => db.Invites.Where(i => i.CodeHash == InviteCode.Hash("abc")).Select(i => (object)i.Id) },
        { "invite attempts of a user", db => db.InviteAttempts.Where(a => a.UserId == 42).Select(a => (object)a.Failures) },
        { "identity with scope for /start", db => db.Identities.Include(i => i.Pendamping).Include(i => i.Coordinator!).ThenInclude(c => c.Kecamatan).ThenInclude(k => k.KecamatanRef).Where(i => i.UserId == 42).Select(i => (object)i) },
        { "export page", db => HouseholdExporter.PageQuery(db, [3], 100).Select(p => (object)p) },
        { "export latest reports of a page", db => db.Reports.Where(r => r.HouseholdId >= 1 && r.HouseholdId <= 2000 && !r.Withdrawn).Select(r => (object)new { r.HouseholdId, r.EventAt, r.Category, r.Note }) },
        { "roster preload", db => db.Households.AsNoTracking().Select(h => (object)h) },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_translates_for_SqlServer(string name, Func<PkhDbContext, IQueryable<object>> query)
    {
        using var db = Db();
        var sql = query(db).ToQueryString();
        Assert.Contains("SELECT", sql);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }
}
