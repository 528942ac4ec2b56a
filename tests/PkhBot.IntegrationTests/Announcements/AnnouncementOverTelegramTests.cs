using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Households;
using PkhBot.IntegrationTests.Telegram;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Announcements;

/// <summary>Issue 9 end to end: a koordinator's /umumkan through the fake Bot API reaches exactly its kecamatan's pendamping.</summary>
public sealed class AnnouncementOverTelegramTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api);
        await _worker.App.WithDbAsync(async db =>
        {
            var kapas = await db.Kecamatan.SingleAsync(k => k.Nama == "Kapas");
            var balen = await db.Kecamatan.SingleAsync(k => k.Nama == "Balen");
            var now = DateTimeOffset.UtcNow;
            void AddPendamping(long userId, int kecamatanId, bool optedOut = false)
            {
                var p = new Pendamping { Kode = $"PA{userId}", Nama = $"Pendamping {userId}", KecamatanId = kecamatanId, CreatedAt = now };
                db.Pendamping.Add(p);
                db.Identities.Add(new ChatIdentity { UserId = userId, ChatId = userId, Role = Role.Pendamping, Pendamping = p, PhoneVerified = true, OptedOut = optedOut, CreatedAt = now, LastSeenAt = now });
            }
            AddPendamping(6101, kapas.Id);
            AddPendamping(6102, kapas.Id);
            AddPendamping(6103, kapas.Id, optedOut: true);
            AddPendamping(6104, balen.Id);
            var c = new Coordinator { Nama = "Koor Kapas", CreatedAt = now };
            c.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = kapas.Id });
            db.Identities.Add(new ChatIdentity { UserId = 6100, ChatId = 6100, Role = Role.Koordinator, Coordinator = c, CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task An_announcement_reaches_exactly_the_kecamatan_pendamping_and_the_author_gets_the_count()
    {
        _api.EnqueueMessage(6100, "/umumkan Pencairan tahap 4 di kantor pos Kapas mulai Senin");
        var audience = await _api.WaitForSentAsync(s => s.ChatId == 6100 && s.ButtonData.Contains("umk:aud:pendamping"));
        _api.EnqueueCallback(6100, "umk:aud:pendamping", audience.MessageId);
        var preview = await _api.WaitForSentAsync(s => s.ChatId == 6100 && s.ButtonData.Contains("umk:kirim"));
        Assert.Contains("2", preview.Text);
        _api.EnqueueCallback(6100, "umk:kirim", preview.MessageId);

        await _api.WaitForSentCountAsync(s => s.Text?.Contains("Pencairan tahap 4") == true && s.ChatId != 6100, 2);
        var receivers = _api.Sent.Where(s => s.Text?.Contains("Pencairan tahap 4") == true && s.ChatId != 6100).Select(s => s.ChatId).Order().ToList();
        Assert.Equal([6101L, 6102L], receivers);

        // The Quartz announcement job reports the final count to the author (runs every 30 s).
        var report = await _api.WaitForSentAsync(s => s.ChatId == 6100 && s.Text?.Contains("selesai") == true, TimeSpan.FromSeconds(90));
        Assert.Contains("<b>2</b> terkirim", report.Text);
        Assert.DoesNotContain(_api.Sent, s => s.ChatId is 6103 or 6104);
    }
}
