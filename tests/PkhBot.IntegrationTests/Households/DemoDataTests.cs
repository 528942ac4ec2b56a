using Microsoft.EntityFrameworkCore;
using PkhBot.Cli;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Ppse;
using PkhBot.Referrals;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Households;

/// <summary>
/// What `chat` seeds on a fresh clone shows the whole path: businesses, referrals in every state, graduation
/// candidates for every pendamping, graduations mandiri with and without the signed statement, and alamiah ones.
/// </summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task A_fresh_chat_database_has_candidates_for_every_pendamping_referrals_in_every_state_and_graduations_with_and_without_statements()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pkhbot-demo-{Guid.NewGuid():N}.db");
        var code = await CliRoot.RunAsync(["chat", "--as", "kpm"], new StringWriter(), new StringReader(""),
            [$"--ConnectionStrings:PkhBot=Data Source={file}", "--Demo:Households=1500"], new StringWriter());
        Assert.Equal(0, code);

        // The seed ran on the real clock: the candidates are those of today.
        var now = DateTimeOffset.UtcNow;
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:PkhBot"] = $"Data Source={file}" }, now: now);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhBot.Data.PkhDbContext>();

        var candidates = await scope.ServiceProvider.GetRequiredService<GraduationCandidates>().FindAsync(db, db.Households, now, CancellationToken.None);
        var pendamping = await db.Pendamping.Select(p => new { p.Id, p.Kode }).ToListAsync();
        Assert.Equal(209, pendamping.Count);
        var without = pendamping.Where(p => !candidates.Any(c => c.PendampingId == p.Id)).Select(p => p.Kode).ToList();
        Assert.True(without.Count == 0, $"{without.Count} pendamping without a graduation candidate, e.g. " + string.Join(", ", without.Take(5)));

        var graduations = await db.Graduations.Select(g => new { g.Type, g.StatementPhotoFileId }).ToListAsync();
        Assert.Contains(graduations, g => g.Type == GraduationType.Mandiri && g.StatementPhotoFileId != null);
        Assert.Contains(graduations, g => g.Type == GraduationType.Mandiri && g.StatementPhotoFileId == null);
        Assert.Contains(graduations, g => g.Type == GraduationType.Alamiah);
        Assert.All(graduations.Where(g => g.Type == GraduationType.Alamiah), g => Assert.Null(g.StatementPhotoFileId));

        var states = await db.Referrals.Select(r => r.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), states.Order());
        Assert.True(await db.Referrals.AnyAsync(r => r.MitraCode == "DINKOP" && (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted)),
            "chat --as mitra (DINKOP by default) has open referrals to answer");

        // Every stage of the PPSE path has households in it.
        var figures = await scope.ServiceProvider.GetRequiredService<PpseFunnel>().ComputeAsync(db, db.Households, now, CancellationToken.None);
        foreach (var stage in Enum.GetValues<PpseStage>())
            Assert.True(figures.Stages[(int)stage] > 0, $"no household at stage {stage}");
        Assert.True(figures.WithoutStatement > 0);
    }
}
