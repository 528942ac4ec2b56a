using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Households;

public sealed class SeedDemoTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Seed_demo_is_shaped_like_Bojonegoro()
    {
        var r = await CliRunner.RunAsync(_app, "seed-demo", "--households", "600");

        Assert.True(r.ExitCode == 0, r.ToString());
        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(28, await db.Kecamatan.CountAsync());
            Assert.Equal(209, await db.Pendamping.CountAsync());
            Assert.Equal(600, await db.Households.CountAsync());
            Assert.Equal(28, await db.Pendamping.Select(p => p.KecamatanId).Distinct().CountAsync());
            Assert.Equal("PDP-001", await db.Pendamping.OrderBy(p => p.Kode).Select(p => p.Kode).FirstAsync());

            var households = await db.Households.Include(h => h.Pendamping).Include(h => h.Desa).ToListAsync();
            Assert.All(households, h =>
            {
                Assert.Matches("^3522[0-9]{12}$", h.Nik);
                Assert.Equal(h.KecamatanId, h.Pendamping!.KecamatanId);
                Assert.Equal(h.KecamatanId, h.Desa!.KecamatanId);
                Assert.True(h.KomponenCount > 0);
                Assert.False(string.IsNullOrWhiteSpace(h.NamaPengurus));
            });
            Assert.Equal(600, households.Select(h => h.Nik).Distinct().Count());
            Assert.True(households.Select(h => h.NamaPengurus).Distinct().Count() > 300, "names should vary");

            // Some history: reports over the last months, open follow-ups, income values, a few graduations.
            var now = _app.Clock.GetUtcNow();
            var reports = await db.Reports.Select(x => new { x.EventAt, x.Category, x.IncomeRupiah }).ToListAsync();
            Assert.InRange(reports.Count, 300, 1500);
            Assert.True(reports.Max(x => x.EventAt) <= DateTimeOffset.UtcNow);
            Assert.Contains(reports, x => x.IncomeRupiah > 0);
            Assert.True(reports.Select(x => x.Category).Distinct().Count() >= 5);
            Assert.True(await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open) > 0);
            Assert.True(await db.Graduations.CountAsync() > 0);
            Assert.True(await db.Households.CountAsync(h => h.LastReportAt != null) > 200);
        });
    }

    [Fact]
    public async Task Seed_demo_run_twice_adds_nothing_the_second_time()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "seed-demo", "--households", "150")).ExitCode);
        var before = await Counts();

        var again = await CliRunner.RunAsync(_app, "seed-demo", "--households", "150");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("tidak ada yang ditambahkan", again.Out);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Seed_demo_is_deterministic()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "seed-demo", "--households", "80")).ExitCode);
        await using var other = await TestApp.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(other, "seed-demo", "--households", "80")).ExitCode);

        static Task<List<string>> Snapshot(TestApp app) => app.WithDbAsync(db =>
            db.Households.OrderBy(h => h.IdKpm).Select(h => h.IdKpm + "|" + h.Nik + "|" + h.NamaPengurus + "|" + h.Pendamping!.Kode).ToListAsync());
        Assert.Equal(await Snapshot(_app), await Snapshot(other));
    }

    [Fact]
    public async Task A_bigger_seed_after_a_smaller_one_only_adds_the_missing_households()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "seed-demo", "--households", "100")).ExitCode);
        var r = await CliRunner.RunAsync(_app, "seed-demo", "--households", "200");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(209, await _app.WithDbAsync(db => db.Pendamping.CountAsync()));
        Assert.InRange(await _app.WithDbAsync(db => db.Households.CountAsync()), 200, 300);
    }

    private Task<(int, int, int, int, int)> Counts() => _app.WithDbAsync(async db => (
        await db.Pendamping.CountAsync(), await db.Households.CountAsync(), await db.Reports.CountAsync(),
        await db.FollowUps.CountAsync(), await db.Graduations.CountAsync()));
}
