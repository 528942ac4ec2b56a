using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Channels.Outbox;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Announcements;

public sealed class AnnouncementTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private int _kapas, _balen;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        (_kapas, _balen) = await _app.WithDbAsync(async db =>
            ((await db.Kecamatan.SingleAsync(k => k.Nama == "Kapas")).Id, (await db.Kecamatan.SingleAsync(k => k.Nama == "Balen")).Id));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ChatDriver> PendampingAsync(long userId, int kecamatanId, bool optedOut = false)
    {
        var id = await _app.WithDbAsync(async db =>
        {
            var p = new Pendamping { Kode = $"P{userId}", Nama = $"Pendamping {userId}", KecamatanId = kecamatanId, CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var driver = await new ChatDriver(_app, userId).AsAsync(Role.Pendamping, pendampingId: id);
        if (optedOut) await driver.SendAsync("/berhenti");
        return driver;
    }

    private async Task<ChatDriver> KoordinatorAsync(long userId, params int[] kecamatanIds)
    {
        var id = await _app.WithDbAsync(async db =>
        {
            var c = new Coordinator { Nama = $"Koor {userId}", WholeKabupaten = kecamatanIds.Length == 0, CreatedAt = _app.Clock.GetUtcNow() };
            foreach (var k in kecamatanIds) c.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = k });
            db.Coordinators.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return await new ChatDriver(_app, userId).AsAsync(Role.Koordinator, coordinatorId: id);
    }

    private Task<List<long>> AnnouncementChatsAsync()
        => _app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Announcement).Select(m => m.ChatId).OrderBy(x => x).ToListAsync());

    [Fact]
    public async Task An_announcement_to_one_kecamatan_reaches_exactly_its_pendamping_minus_those_who_opted_out()
    {
        await PendampingAsync(7001, _kapas);
        await PendampingAsync(7002, _kapas);
        await PendampingAsync(7003, _kapas, optedOut: true);
        await PendampingAsync(7004, _balen);
        var koor = await KoordinatorAsync(7100, _kapas);

        await koor.SendAsync("/umumkan");
        await koor.SendAsync("Pencairan tahap 4 di kantor pos Kapas mulai Senin <penting> & segera");
        var preview = await koor.PressButtonAsync("Pendamping");
        Assert.Contains("2 penerima", preview.Text);
        Assert.Contains("1 tidak dikirimi", preview.Text);

        var done = await koor.PressButtonAsync("Kirim sekarang");
        Assert.Contains("2 penerima", done.Text);
        Assert.Equal([7001L, 7002L], await AnnouncementChatsAsync());
        var text = await _app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Announcement).Select(m => m.Text).FirstAsync());
        Assert.Contains("&lt;penting&gt; &amp; segera", text);
    }

    [Fact]
    public async Task A_koordinator_cannot_announce_outside_its_scope_even_with_a_forged_button()
    {
        await PendampingAsync(7011, _balen);
        var koor = await KoordinatorAsync(7110, _kapas, _balen == 1 ? 2 : 1);
        await koor.SendAsync("/umumkan Rapat P2K2 besok");
        await koor.PressButtonAsync("Pendamping");
        await koor.PressAsync($"umk:kec:{_balen}");
        await koor.PressAsync("umk:kec:done");
        var r = await koor.PressAsync("umk:kirim");
        Assert.DoesNotContain(7011L, await AnnouncementChatsAsync());
        Assert.Contains("tidak berlaku", r.Text);
    }

    [Fact]
    public async Task A_pendamping_cannot_use_umumkan()
    {
        var p = await PendampingAsync(7021, _kapas);
        var r = await p.SendAsync("/umumkan halo semua");
        Assert.Contains("hanya untuk koordinator", r.Text);
    }

    [Fact]
    public async Task A_scheduled_announcement_is_queued_once_at_its_time()
    {
        await PendampingAsync(7031, _kapas);
        var koor = await KoordinatorAsync(7130, _kapas);
        await koor.SendAsync("/umumkan Besok ada verifikasi komitmen");
        await koor.PressButtonAsync("Pendamping");
        var r = await koor.PressButtonAsync("Besok 07:00");
        Assert.Contains("dijadwalkan 18/11/2025 07:00 WIB", r.Text);
        Assert.Empty(await AnnouncementChatsAsync());

        Assert.Equal(0, await QueueDueAsync());
        _app.Clock.Advance(TimeSpan.FromHours(23.5));
        Assert.Equal(1, await QueueDueAsync());
        Assert.Equal(0, await QueueDueAsync());
        Assert.Equal([7031L], await AnnouncementChatsAsync());
    }

    [Fact]
    public async Task The_author_gets_the_final_count_when_every_message_is_out()
    {
        await PendampingAsync(7041, _kapas);
        await PendampingAsync(7042, _kapas);
        var koor = await KoordinatorAsync(7140, _kapas);
        await koor.SendAsync("/umumkan Tes");
        await koor.PressButtonAsync("Pendamping");
        await koor.PressButtonAsync("Kirim sekarang");

        await _app.WithDbAsync(async db =>
        {
            var rows = await db.Outbox.Where(m => m.Kind == OutboxKind.Announcement).OrderBy(m => m.ChatId).ToListAsync();
            rows[0].Status = OutboxStatus.Sent;
            rows[1].Status = OutboxStatus.Unreachable;
            await db.SaveChangesAsync();
        });
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AnnouncementQueue>().ReportFinishedAsync(CancellationToken.None));
        var report = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 7140).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync());
        Assert.Contains("<b>1</b> terkirim, <b>1</b> tidak terjangkau", report);

        var history = await koor.SendAsync("/umumkan riwayat");
        Assert.Contains("1 terkirim", history.Text);
    }

    [Fact]
    public async Task Stop_and_mulai_switch_routine_messages_off_and_on()
    {
        var user = new ChatDriver(_app, 7051);
        Assert.Contains("tidak akan menerima", (await user.SendAsync("STOP")).Text);
        Assert.True(await _app.WithDbAsync(db => db.Identities.Where(i => i.UserId == 7051).Select(i => i.OptedOut).SingleAsync()));
        Assert.Contains("dinyalakan lagi", (await user.SendAsync("/mulai")).Text);
        Assert.False(await _app.WithDbAsync(db => db.Identities.Where(i => i.UserId == 7051).Select(i => i.OptedOut).SingleAsync()));
    }

    private async Task<int> QueueDueAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementQueue>().QueueDueAsync(CancellationToken.None);
    }
}

public sealed class ScheduledAnnouncementWorkerTests
{
    [Fact]
    public async Task A_scheduled_announcement_is_queued_by_the_Quartz_job_in_the_worker()
    {
        await using var app = await TestApp.StartAsync(mode: AppMode.Worker);
        var chat = await app.WithDbAsync(async db =>
        {
            var kec = await db.Kecamatan.SingleAsync(k => k.Nama == "Kapas");
            var p = new Pendamping { Kode = "P-Q1", Nama = "Bu Q", KecamatanId = kec.Id, CreatedAt = app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            db.Identities.Add(new ChatIdentity { UserId = 7301, ChatId = 7301, Role = Role.Pendamping, Pendamping = p, PhoneVerified = true, CreatedAt = app.Clock.GetUtcNow() });
            db.Announcements.Add(new Announcement
            {
                AuthorIdentityId = 0, Text = "Verifikasi komitmen besok", Audience = "pendamping", KecamatanIds = kec.Id.ToString(),
                Status = AnnouncementStatus.Scheduled, CreatedAt = app.Clock.GetUtcNow(), ScheduledFor = app.Clock.GetUtcNow().AddMinutes(-1),
            });
            await db.SaveChangesAsync();
            return 7301L;
        });

        await app.App.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var queued = 0;
            while (DateTime.UtcNow < deadline && queued == 0)
            {
                await Task.Delay(500);
                queued = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == chat && m.Kind == OutboxKind.Announcement));
            }
            Assert.Equal(1, queued);
            Assert.Equal(AnnouncementStatus.Queued, await app.WithDbAsync(db => db.Announcements.Select(a => a.Status).SingleAsync()));
        }
        finally
        {
            await app.App.StopAsync();
        }
    }
}
