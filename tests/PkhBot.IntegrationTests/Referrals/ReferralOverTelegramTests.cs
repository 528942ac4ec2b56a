using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Households;
using PkhBot.IntegrationTests.Telegram;
using PkhBot.Onboarding;
using PkhBot.Referrals;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Referrals;

/// <summary>
/// The referral round trip through the real Telegram.Bot client and the fake Bot API: a pendamping refers a
/// family to Dinas Koperasi, the agency's officer accepts and records the outcome, the pendamping hears of each
/// step, and another agency cannot see or touch it.
/// </summary>
public sealed class ReferralOverTelegramTests : IAsyncLifetime
{
    private const long Pendamping = 6201, Dinkop = 6202, Baznas = 6203;
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api);
        await _worker.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var desa = await db.Desa.Include(d => d.Kecamatan).SingleAsync(d => d.Nama == "Luwihaji" && d.Kecamatan!.Nama == "Ngraho");
            var p = new Pendamping { Kode = "PR1", Nama = "Bu Rina", KecamatanId = desa.KecamatanId, CreatedAt = now };
            var h = new Household
            {
                IdKpm = "3522019001", Nik = "3522014101900001", NamaPengurus = "Siti Aminah", NamaSearch = "siti aminah",
                Alamat = "Dsn. Krajan RT 001 RW 002", DesaId = desa.Id, KecamatanId = desa.KecamatanId, Pendamping = p, Sd = 1, CreatedAt = now, UpdatedAt = now,
            };
            db.Households.Add(h);
            await db.SaveChangesAsync();
            db.Reports.Add(new ProgressReport
            {
                HouseholdId = h.Id, PendampingId = p.Id, EventAt = now.AddDays(-3), ReceivedAt = now.AddDays(-3), Category = ReportCategory.Usaha,
                Note = "usaha keripik singkong, omzet 900rb sebulan, HP 081234567890",
            });
            db.Identities.Add(new ChatIdentity { UserId = Pendamping, ChatId = Pendamping, Role = Role.Pendamping, Pendamping = p, PhoneVerified = true, CreatedAt = now, LastSeenAt = now });
            db.Identities.Add(new ChatIdentity { UserId = Dinkop, ChatId = Dinkop, Role = Role.Mitra, MitraCode = "DINKOP", CreatedAt = now, LastSeenAt = now });
            db.Identities.Add(new ChatIdentity { UserId = Baznas, ChatId = Baznas, Role = Role.Mitra, MitraCode = "BAZNAS", CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_referral_goes_to_the_agency_without_nik_phone_or_address_and_its_answer_and_outcome_come_back()
    {
        _api.EnqueueMessage(Pendamping, "/rujuk 3522019001 dinkop butuh pelatihan pemasaran dan kemasan");
        var confirm = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.ButtonData.Contains("rj:ok"));
        Assert.Contains("Siti Aminah", confirm.Text);
        Assert.Contains("Dinas Koperasi", confirm.Text);
        Assert.DoesNotContain(_api.Sent, s => s.ChatId == Dinkop);   // nothing leaves before Kirim

        _api.EnqueueCallback(Pendamping, "rj:ok", confirm.MessageId);
        var toMitra = await _api.WaitForSentAsync(s => s.ChatId == Dinkop && s.Text?.Contains("Rujukan #") == true);
        var number = int.Parse(Regex.Match(toMitra.Text!, @"Rujukan #(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Siti Aminah", toMitra.Text);
        Assert.Contains("Luwihaji", toMitra.Text);
        Assert.Contains("keripik singkong", toMitra.Text);
        Assert.Contains("pelatihan pemasaran", toMitra.Text);
        Assert.DoesNotContain("3522014101900001", toMitra.Text);
        Assert.DoesNotContain("081234567890", toMitra.Text);
        Assert.DoesNotContain("Krajan", toMitra.Text);
        Assert.DoesNotContain("3522019001", toMitra.Text);
        Assert.Equal([$"rm:a:{number}", $"rm:d:{number}"], toMitra.ButtonData);
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains($"Rujukan #{number} terkirim") == true);
        Assert.DoesNotContain(_api.Sent, s => s.ChatId == Baznas);

        // Another agency forging the button or the number reads "not found" and changes nothing.
        _api.EnqueueCallback(Baznas, $"rm:a:{number}", 1);
        await _api.WaitForSentAsync(s => s.ChatId == Baznas && s.Text?.Contains("tidak ditemukan") == true);
        _api.EnqueueMessage(Baznas, $"/hasil {number} modal Rp2 jt");
        await _api.WaitForSentCountAsync(s => s.ChatId == Baznas && s.Text?.Contains("tidak ditemukan") == true, 2);
        Assert.Equal(ReferralStatus.Sent, await StatusAsync(number));

        _api.EnqueueCallback(Dinkop, $"rm:a:{number}", toMitra.MessageId);
        await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("menerima rujukan") == true);
        _api.EnqueueMessage(Dinkop, $"/hasil {number} ikut pelatihan 3 hari");
        await _api.WaitForSentAsync(s => s.ChatId == Dinkop && s.Text?.Contains("tersimpan") == true);
        var outcome = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("ikut pelatihan 3 hari") == true);
        Assert.Contains("Dinas Koperasi", outcome.Text);
        Assert.Equal(ReferralStatus.Done, await StatusAsync(number));

        _api.EnqueueMessage(Pendamping, "/kpm 3522019001");
        var card = await _api.WaitForSentAsync(s => s.ChatId == Pendamping && s.Text?.Contains("Rujukan") == true && s.Text.Contains("DINKOP"));
        Assert.Contains("selesai", card.Text);
        Assert.Contains("ikut pelatihan 3 hari", card.Text);
    }

    private Task<ReferralStatus> StatusAsync(int id) => _worker.App.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
