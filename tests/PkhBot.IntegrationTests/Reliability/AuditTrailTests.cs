using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reliability;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private const string Nik = "3522015508870001";
    private const string NotePhone = "081298765432";
    private const string NoteNik = "3522017708900004";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Creating_and_withdrawing_reports_opening_and_closing_follow_ups_and_graduation_each_leave_an_audit_row_with_the_actor_and_no_nik_or_phone()
    {
        var data = new ReportingData(_app);
        var p = await data.PendampingAsync("P001");
        var h = await data.HouseholdAsync(p, "3522011234", "Siti Aminah", configure: x => x.Nik = Nik);
        var k = await data.CoordinatorAsync(false, "Ngraho");
        var pendamping = await data.PendampingChatAsync(7101, p);
        var koordinator = await new ChatDriver(_app, 7102).AsAsync(Role.Koordinator, coordinatorId: k);

        await pendamping.SendAsync($"/lapor {h.IdKpm} kendala KKS hilang, hp baru {NotePhone}, NIK suami {NoteNik}, urus 7 hari");
        var (kendala, followUp) = await _app.WithDbAsync(async db => (await db.Reports.SingleAsync(), await db.FollowUps.SingleAsync()));
        await koordinator.SendAsync($"/selesai {followUp.Id} sudah diurus ke bank, hp {NotePhone}");
        await pendamping.SendAsync($"/lapor {h.IdKpm} kunjungan rumah rapi");
        var visit = await _app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id != kendala.Id));
        await pendamping.SendAsync($"/batal {visit.Id}");
        await pendamping.SendAsync($"/graduasi {h.IdKpm} mandiri usaha warung stabil, NIK {Nik} hp {NotePhone}");
        await pendamping.PressAsync("gr:ok");
        var graduation = await _app.WithDbAsync(db => db.Graduations.SingleAsync());

        var audit = await _app.WithDbAsync(db => db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var expected = new[]
        {
            ("report.create", kendala.Id.ToString(), $"pendamping:{p}"),
            ("followup.create", followUp.Id.ToString(), $"pendamping:{p}"),
            ("followup.close", followUp.Id.ToString(), $"koordinator:{k}"),
            ("report.create", visit.Id.ToString(), $"pendamping:{p}"),
            ("report.withdraw", visit.Id.ToString(), $"pendamping:{p}"),
            ("graduation.create", graduation.Id.ToString(), $"pendamping:{p}"),
        };
        Assert.Equal(expected, audit.Select(a => (a.Action, a.EntityId, a.Actor)));
        Assert.All(audit, a => Assert.Equal(_app.Clock.GetUtcNow(), a.At));
        foreach (var a in audit)
        {
            var text = $"{a.Actor} {a.Action} {a.Entity} {a.EntityId} {a.Details}";
            foreach (var secret in new[] { Nik, NoteNik, NotePhone, "Siti", h.IdKpm })
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' in audit row: {text}");
        }
    }
}
