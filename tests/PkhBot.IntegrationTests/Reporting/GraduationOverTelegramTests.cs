using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Channels.Outbox;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Telegram;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reporting;

/// <summary>
/// /graduasi through the real Telegram.Bot client and the fake Bot API: nothing changes in the database until the
/// pendamping presses Catat; a mandiri graduation then asks for the photo of the signed statement (kept, or skipped
/// and then shown as missing on the card and in /ppse); an alamiah one asks for none; /batal G&lt;no&gt; undoes it
/// within 24 hours and is refused a day later (the worker's clock moved on).
/// </summary>
public sealed class GraduationOverTelegramTests : IAsyncLifetime
{
    private const long Pendamping = 6401, Koordinator = 6402;
    private readonly ShiftedClock _clock = new();
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api, clock: _clock);
        await _worker.App.WithDbAsync(async db =>
        {
            var now = _clock.GetUtcNow();
            var desa = await db.Desa.Include(d => d.Kecamatan).SingleAsync(d => d.Nama == "Luwihaji" && d.Kecamatan!.Nama == "Ngraho");
            var p = new Pendamping { Kode = "GR1", Nama = "Bu Rina", KecamatanId = desa.KecamatanId, CreatedAt = now };
            var n = 0;
            foreach (var nama in new[] { "Sri Wahyuni", "Lestari", "Mbah Karto", "Ani Rahayu" })
            {
                n++;
                db.Households.Add(new Household
                {
                    IdKpm = $"352201910{n}", Nik = $"352201410190000{n}", NamaPengurus = nama, NamaSearch = NameSearch.Normalize(nama),
                    DesaId = desa.Id, KecamatanId = desa.KecamatanId, Pendamping = p, Sd = 1, CreatedAt = now, UpdatedAt = now,
                });
            }
            var coordinator = new Coordinator { Nama = "Koordinator Ngraho", CreatedAt = now };
            coordinator.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = desa.KecamatanId });
            db.Identities.Add(new ChatIdentity { UserId = Pendamping, ChatId = Pendamping, Role = Role.Pendamping, Pendamping = p, PhoneVerified = true, CreatedAt = now, LastSeenAt = now });
            db.Identities.Add(new ChatIdentity { UserId = Koordinator, ChatId = Koordinator, Role = Role.Koordinator, Coordinator = coordinator, CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_mandiri_graduation_changes_nothing_until_Catat_and_then_keeps_the_statement_photo()
    {
        _api.EnqueueMessage(Pendamping, "/graduasi 3522019101 mandiri usaha warung stabil, omzet naik");
        var ask = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"));
        Assert.Contains("Catat graduasi mandiri?", ask.Text);
        Assert.Contains("Sri Wahyuni", ask.Text);
        Assert.Equal(["gr:ok", "gr:x"], ask.ButtonData);
        Assert.Equal((HouseholdStatus.Aktif, 0, null), await StateAsync("3522019101"));

        // Batal: still nothing.
        _api.EnqueueCallback(Pendamping, "gr:x", ask.MessageId);
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Tidak ada yang diubah") == true);
        Assert.Equal((HouseholdStatus.Aktif, 0, null), await StateAsync("3522019101"));

        _api.EnqueueMessage(Pendamping, "/graduasi 3522019101 mandiri usaha warung stabil, omzet naik");
        await _api.WaitForSentCountAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"), 2);
        var again = _api.Sent.Last(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"));
        _api.EnqueueCallback(Pendamping, "gr:ok", again.MessageId);
        var recorded = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Graduasi mandiri tercatat") == true);
        Assert.Contains("foto surat pernyataan", recorded.Text);
        Assert.Equal(["gr:skip"], recorded.ButtonData);
        Assert.Equal((HouseholdStatus.GraduasiMandiri, 1, null), await StateAsync("3522019101"));

        EnqueuePhoto(Pendamping, "surat-sri-wahyuni");
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("surat pernyataan graduasi No.") == true && s.Text.Contains("tersimpan"));
        Assert.Equal((HouseholdStatus.GraduasiMandiri, 1, "surat-sri-wahyuni"), await StateAsync("3522019101"));

        _api.EnqueueMessage(Pendamping, "/kpm 3522019101");
        var card = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Surat pernyataan graduasi") == true);
        Assert.Contains("Surat pernyataan graduasi: ada", card.Text);
    }

    [Fact]
    public async Task A_skipped_statement_shows_as_missing_on_the_card_and_in_ppse_and_an_alamiah_graduation_asks_for_none()
    {
        _api.EnqueueMessage(Pendamping, "/graduasi 3522019102 mandiri usaha jahit sudah mandiri");
        var ask = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"));
        _api.EnqueueCallback(Pendamping, "gr:ok", ask.MessageId);
        var recorded = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:skip"));
        _api.EnqueueCallback(Pendamping, "gr:skip", recorded.MessageId);
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("tercatat sebagai <b>belum ada</b>") == true);
        Assert.Equal((HouseholdStatus.GraduasiMandiri, 1, null), await StateAsync("3522019102"));

        _api.EnqueueMessage(Pendamping, "/kpm 3522019102");
        var card = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Surat pernyataan graduasi") == true);
        Assert.Contains("Surat pernyataan graduasi: <b>belum ada</b>", card.Text);
        _api.EnqueueMessage(Koordinator, "/ppse");
        var ppse = await _api.WaitForSentAsync(s => s.ChatId == Koordinator && s.Method == "sendMessage");
        Assert.Contains("Graduasi mandiri tanpa surat pernyataan: 1", ppse.Text);

        _api.EnqueueMessage(Pendamping, "/graduasi 3522019103 alamiah tidak ada komponen lagi");
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Catat graduasi alamiah?") == true);
        Assert.Equal((HouseholdStatus.Aktif, 0, null), await StateAsync("3522019103"));
        var alamiahAsk = _api.Sent.Last(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"));
        Assert.DoesNotContain("foto surat", alamiahAsk.Text);
        _api.EnqueueCallback(Pendamping, "gr:ok", alamiahAsk.MessageId);
        var alamiah = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Graduasi alamiah tercatat") == true);
        Assert.DoesNotContain("surat pernyataan", alamiah.Text);
        Assert.Empty(alamiah.ButtonData);
        Assert.Equal((HouseholdStatus.GraduasiAlamiah, 1, null), await StateAsync("3522019103"));
    }

    [Fact]
    public async Task Batal_G_undoes_a_graduation_within_24_hours_and_is_refused_a_day_later()
    {
        var first = await GraduateAsync("3522019104", "mandiri usaha tani sudah cukup", 1);
        _api.EnqueueMessage(Pendamping, $"/batal G{first}");
        var undone = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains($"Graduasi No. {first} dibatalkan") == true);
        Assert.Contains("Ani Rahayu", undone.Text);
        Assert.Equal((HouseholdStatus.Aktif, 0, null), await StateAsync("3522019104"));

        var second = await GraduateAsync("3522019104", "alamiah anak sudah lulus SMA", 2);
        // Everything delivered before the clock moves on (a queued message a day old would be given up).
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.All(m => m.Status != OutboxStatus.Pending), what: "the outbox delivered");
        _clock.Advance(TimeSpan.FromHours(25));

        _api.EnqueueMessage(Pendamping, $"/batal G{second}");
        var refused = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains($"Graduasi No. {second}") == true && s.Text.Contains("24 jam"));
        Assert.Contains("tidak bisa dibatalkan", refused.Text);
        Assert.Equal((HouseholdStatus.GraduasiAlamiah, 1, null), await StateAsync("3522019104"));
    }

    /// <summary>/graduasi, Catat; returns the graduation's number from the bot's answer (the <paramref name="nth"/> one so far).</summary>
    private async Task<int> GraduateAsync(string idKpm, string typeAndReason, int nth)
    {
        _api.EnqueueMessage(Pendamping, $"/graduasi {idKpm} {typeAndReason}");
        await _api.WaitForSentCountAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"), nth);
        var ask = _api.Sent.Last(s => s.ChatId == Pendamping && s.ButtonData.Contains("gr:ok"));
        _api.EnqueueCallback(Pendamping, "gr:ok", ask.MessageId);
        await _api.WaitForSentCountAsync(s => s.ChatId == Pendamping && s.Text?.Contains(" tercatat. ") == true, nth);
        var recorded = _api.Sent.Last(s => s.ChatId == Pendamping && s.Text?.Contains(" tercatat. ") == true);
        Assert.Contains("/batal G", recorded.Text);
        return int.Parse(Regex.Match(recorded.Text!, @"No\. (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A photo message as Telegram sends it: several sizes, the largest is the one kept.</summary>
    private void EnqueuePhoto(long user, string fileId) => _api.Enqueue(id => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = 900 + id,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Rina" },
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId + "-kecil", ["file_unique_id"] = "k", ["width"] = 90, ["height"] = 120 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "b", ["width"] = 960, ["height"] = 1280 }),
        },
    });

    private Task<(HouseholdStatus, int, string?)> StateAsync(string idKpm) => _worker.App.WithDbAsync(async db =>
    {
        var h = await db.Households.AsNoTracking().SingleAsync(x => x.IdKpm == idKpm);
        var statements = await db.Graduations.AsNoTracking().Where(g => g.HouseholdId == h.Id).Select(g => g.StatementPhotoFileId).ToListAsync();
        return (h.Status, statements.Count, statements.FirstOrDefault());
    });
}
