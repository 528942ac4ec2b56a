using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.IntegrationTests.Telegram;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Ppse;

/// <summary>
/// /ppse through the real Telegram.Bot client and the fake Bot API, on <see cref="PpseData"/> (one household at each
/// stage in Ngraho, one in Dander): the coordinator gets the figures and the funnel as a photo, a camat the figures
/// of its kecamatan without a name, a pendamping or a KPM a refusal and no chart.
/// </summary>
public sealed class PpseOverTelegramTests : IAsyncLifetime
{
    private const long Koordinator = 6301, Camat = 6302, Pendamping = 6303, Kpm = 6304;
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api);
        await _worker.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var seeded = await PpseData.SeedAsync(db, now);
            var ngraho = await db.Kecamatan.SingleAsync(k => k.Nama == "Ngraho");
            var coordinator = new Coordinator { Nama = "Koordinator Ngraho", CreatedAt = now };
            coordinator.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = ngraho.Id });
            db.Coordinators.Add(coordinator);
            await db.SaveChangesAsync();
            ChatIdentity Identity(long user, Role role) => new() { UserId = user, ChatId = user, Role = role, PhoneVerified = true, CreatedAt = now, LastSeenAt = now };
            var koordinator = Identity(Koordinator, Role.Koordinator);
            koordinator.CoordinatorId = coordinator.Id;
            var camat = Identity(Camat, Role.Pemantau);
            camat.PemantauKecamatanId = ngraho.Id;
            var pendamping = Identity(Pendamping, Role.Pendamping);
            pendamping.PendampingId = seeded.P1;
            db.Identities.AddRange(koordinator, camat, pendamping, Identity(Kpm, Role.Kpm));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_gets_the_households_per_stage_the_target_and_the_funnel_as_a_photo()
    {
        _api.EnqueueMessage(Koordinator, "/ppse");

        var text = await _api.WaitForSentAsync(s => s.ChatId == Koordinator && s.Method == "sendMessage");
        var chart = await _api.WaitForSentAsync(s => s.ChatId == Koordinator && s.Method == "sendPhoto");

        Assert.Contains("PPSE: Kec. Ngraho", text.Text);
        foreach (var stage in new[] { "Belum ada usaha: 1", "Usaha berjalan: 1", "Dirujuk ke mitra: 1", "Penghasilan cukup: 1", "Kandidat graduasi: 1", "Graduasi mandiri (semua tahun): 1" })
            Assert.Contains(stage, text.Text);
        Assert.Contains($"Graduasi {PkhBot.Reporting.Wib.ToWib(DateTimeOffset.UtcNow).Year}: mandiri 1 dari target 10 (10%)", text.Text);
        Assert.Contains("tanpa surat pernyataan: 1", text.Text);
        Assert.Contains("Dinas Koperasi dan Usaha Mikro: 1 / 0 / 0 / 0", text.Text);
        Assert.DoesNotContain("Pak Dodi", text.Text);   // Dander is not this coordinator's
        Assert.StartsWith("ppse-", chart.FileName);
        Assert.EndsWith(".png", chart.FileName);
        Assert.Contains("Jalur PPSE", chart.Text);
        Assert.Equal(["sendMessage", "sendPhoto"], _api.SentTo(Koordinator).Select(s => s.Method));
    }

    [Fact]
    public async Task A_camat_sees_the_figures_of_its_kecamatan_and_no_name()
    {
        _api.EnqueueMessage(Camat, "/ppse");

        var text = await _api.WaitForSentAsync(s => s.ChatId == Camat && s.Method == "sendMessage");
        await _api.WaitForSentAsync(s => s.ChatId == Camat && s.Method == "sendPhoto");

        Assert.Contains("Kec. Ngraho", text.Text);
        Assert.Contains("Kandidat graduasi: 1", text.Text);
        Assert.Contains("mandiri 1 dari target 10", text.Text);
        foreach (var name in new[] { "Ibu Tahap", "Bu Rina", "Pak Dodi", "PPSE00", "Per pendamping" })
            Assert.DoesNotContain(name, text.Text);
    }

    [Theory]
    [InlineData(Pendamping)]
    [InlineData(Kpm)]
    public async Task A_pendamping_or_a_kpm_is_refused_and_gets_no_chart(long user)
    {
        _api.EnqueueMessage(user, "/ppse");

        var refusal = await _api.WaitForSentAsync(s => s.ChatId == user);

        Assert.Contains("hanya untuk", refusal.Text);
        Assert.Contains("koordinator", refusal.Text);
        Assert.DoesNotContain("Kandidat graduasi", refusal.Text);
        // A later answer to the same user arrives after anything /ppse might still have queued: no photo came before it.
        _api.EnqueueMessage(user, "/bantuan");
        await _api.WaitForSentCountAsync(s => s.ChatId == user, 2);
        Assert.DoesNotContain(_api.SentTo(user), s => s.Method == "sendPhoto");
    }
}
