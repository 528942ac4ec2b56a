using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Announcements;

public sealed class HandoffTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_question_handed_off_with_consent_reaches_the_desa_pendamping_and_the_answer_comes_back()
    {
        var (desaId, pendampingId) = await _app.WithDbAsync(async db =>
        {
            var desa = await db.Desa.Include(d => d.Kecamatan).FirstAsync(d => d.Nama == "Bangilan");
            var p = new Pendamping { Kode = "P-H1", Nama = "Bu Rina", KecamatanId = desa.KecamatanId, CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            db.Households.Add(new Household { IdKpm = "H1", Nik = "3522000000000001", NamaPengurus = "Sri", KecamatanId = desa.KecamatanId, DesaId = desa.Id, Pendamping = p });
            await db.SaveChangesAsync();
            return (desa.Id, p.Id);
        });
        var pendamping = await new ChatDriver(_app, 8001).AsAsync(Role.Pendamping, pendampingId);
        var kpm = await new ChatDriver(_app, 8002).AsAsync(Role.Kpm);

        // The KPM tells the bot its desa with buttons.
        var kec = await _app.WithDbAsync(db => db.Desa.Where(d => d.Id == desaId).Select(d => d.KecamatanId).SingleAsync());
        await kpm.SendAsync("/desa");
        await kpm.PressAsync($"desa:k:{kec}");
        Assert.Contains("Tersimpan: Desa Bangilan", (await kpm.PressAsync($"desa:d:{desaId}")).Text);

        var handoffId = await _app.WithDbAsync(async db =>
        {
            var h = new HandoffQuestion { AskerUserId = 8002, AskerChatId = 8002, Question = "Anak saya pindah sekolah, NIK 3522000000000001 hp 081234567890, gimana?", Status = HandoffStatus.AwaitingConsent, AskedAt = _app.Clock.GetUtcNow() };
            db.Handoffs.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });

        // Another user cannot consent for them.
        var stranger = await new ChatDriver(_app, 8003).AsAsync(Role.Kpm);
        Assert.Contains("tidak ditemukan", (await stranger.PressAsync($"handoff:ya:{handoffId}")).Text);

        var sent = await kpm.PressAsync($"handoff:ya:{handoffId}");
        Assert.Contains($"No. {handoffId}", sent.Text);
        var toPendamping = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 8001).Select(m => m.Text).ToListAsync());
        Assert.Single(toPendamping);
        Assert.Contains("Desa Bangilan", toPendamping[0]);
        Assert.DoesNotContain("3522000000000001", toPendamping[0]);
        Assert.DoesNotContain("081234567890", toPendamping[0]);

        var open = await pendamping.SendAsync("/pertanyaan");
        Assert.Contains($"No. {handoffId}", open.Text);

        var otherId = await _app.WithDbAsync(async db =>
        {
            var p = new Pendamping { Kode = "P-H2", Nama = "Pak Lain", CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var otherPendamping = await new ChatDriver(_app, 8004).AsAsync(Role.Pendamping, otherId);
        Assert.Contains("tidak ditemukan", (await otherPendamping.SendAsync($"/jawab {handoffId} coba")).Text);
        var answered = await pendamping.SendAsync($"/jawab {handoffId} Lapor ke sekolah baru, nanti saya perbarui datanya.");
        Assert.Contains("sudah dikirim", answered.Text);
        var toKpm = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 8002).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync());
        Assert.Contains("Lapor ke sekolah baru", toKpm);
        Assert.Contains("sudah dijawab", (await pendamping.SendAsync($"/jawab {handoffId} lagi")).Text);
    }
}

public sealed class HandoffOfferTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_unanswerable_PKH_question_from_a_KPM_is_offered_to_a_person_but_an_off_topic_one_is_not()
    {
        var kpm = await new ChatDriver(_app, 8101).AsAsync(Role.Kpm);
        var offTopic = await kpm.SendAsync("resep rendang yang enak gimana?");
        Assert.DoesNotContain(kpm.LastButtons, b => b.Data?.StartsWith("handoff:") == true);
        Assert.Contains("belum", offTopic.Text);

        // A PKH question the documents do not cover (office hours): the bot abstains and offers a person.
        var pkh = await kpm.SendAsync("kantor dinsos bojonegoro buka jam berapa hari sabtu?");
        Assert.Contains("belum tahu", pkh.Text);
        Assert.Contains("teruskan", pkh.Text);
        var consent = await kpm.PressButtonAsync("Ya, teruskan");
        Assert.DoesNotContain("tidak berlaku", consent.Text);
        var stored = await _app.WithDbAsync(db => db.Handoffs.SingleAsync(h => h.AskerUserId == 8101));
        Assert.Contains("sabtu", stored.Question);
    }

    [Fact]
    public async Task A_PKH_question_about_something_the_documents_never_mention_is_offered_to_a_person()
    {
        var kpm = await new ChatDriver(_app, 8102).AsAsync(Role.Kpm);

        // "uang" matches the amounts, "beli rokok" matches nothing: no amount table, a person instead.
        var reply = await kpm.SendAsync("uang pkh buat beli rokok boleh?");

        Assert.Contains("belum tahu", reply.Text);
        Assert.DoesNotContain("Rp", reply.Text);
        Assert.Contains(kpm.LastButtons, b => b.Data?.StartsWith("handoff:ya:") == true);
    }

    [Fact]
    public async Task A_KPM_passes_on_three_questions_a_day_marked_unverified_and_the_fourth_is_told_where_else_to_ask()
    {
        await new ChatDriver(_app, 8110).AsAsync(Role.Admin);
        var kpm = await new ChatDriver(_app, 8111).AsAsync(Role.Kpm);
        const string question = "kantor dinsos bojonegoro buka jam berapa hari sabtu?";

        for (var i = 0; i < 3; i++)
        {
            await kpm.SendAsync(question);
            Assert.Contains("sudah diteruskan", (await kpm.PressButtonAsync("Ya, teruskan")).Text);
        }
        var fourth = await kpm.SendAsync(question);

        Assert.Contains("batas harian", fourth.Text);
        Assert.Contains("pendamping", fourth.Text);
        Assert.Contains("171", fourth.Text);
        Assert.Contains("cekbansos", fourth.Text);
        Assert.All(fourth.Messages, m => Assert.DoesNotContain("handoff:", m.KeyboardJson ?? ""));
        var toStaff = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 8110).Select(m => m.Text).ToListAsync());
        Assert.Equal(3, toStaff.Count);
        Assert.All(toStaff, t => Assert.Contains("belum terverifikasi", t));

        // The next day the cap starts again.
        _app.Clock.Advance(TimeSpan.FromHours(25));
        await kpm.SendAsync(question);
        Assert.Contains(kpm.LastButtons, b => b.Data?.StartsWith("handoff:ya:") == true);
    }

    [Fact]
    public async Task Offers_collected_before_the_cap_cannot_be_used_to_pass_it()
    {
        await new ChatDriver(_app, 8120).AsAsync(Role.Admin);
        var kpm = await new ChatDriver(_app, 8121).AsAsync(Role.Kpm);
        var offers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await kpm.SendAsync("kantor dinsos bojonegoro buka jam berapa hari sabtu?");
            offers.Add(kpm.LastButtons.Single(b => b.Data?.StartsWith("handoff:ya:") == true).Data!);
        }
        foreach (var offer in offers.Take(3)) Assert.Contains("sudah diteruskan", (await kpm.PressAsync(offer)).Text);

        Assert.Contains("batas harian", (await kpm.PressAsync(offers[3])).Text);
        Assert.Equal(3, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 8120)));
    }
}
