using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;

namespace PkhBot.IntegrationTests.Data;

/// <summary>Two people changing one household at once: the second save must not silently overwrite the first.</summary>
public sealed class VersionTokenTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private int _householdId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var data = new ReportingData(_app);
        var p = await data.PendampingAsync("P001");
        _householdId = (await data.HouseholdAsync(p, "3522011234", "Siti Aminah")).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_save_gives_a_new_version_and_a_stale_copy_is_refused()
    {
        await using var first = _app.Services.CreateAsyncScope();
        await using var second = _app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<PkhDbContext>();
        var b = second.ServiceProvider.GetRequiredService<PkhDbContext>();
        var mine = await a.Households.SingleAsync(h => h.Id == _householdId);
        var theirs = await b.Households.SingleAsync(h => h.Id == _householdId);
        var before = mine.Version;

        mine.Alamat = "Dusun Krajan RT 01";   // changed on the entity, found by the one scan for changes
        await a.SaveChangesAsync();
        theirs.Alamat = "Dusun Ngasem RT 03";

        Assert.NotEqual(before, mine.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        var stored = await _app.WithDbAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == _householdId));
        Assert.Equal("Dusun Krajan RT 01", stored.Alamat);
        Assert.Equal(mine.Version, stored.Version);
        Assert.True(a.ChangeTracker.AutoDetectChangesEnabled);   // switched back on after the save
    }
}
