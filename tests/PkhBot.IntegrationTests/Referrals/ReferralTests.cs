using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;
using PkhBot.Referrals;
using PkhBot.Reminders;

namespace PkhBot.IntegrationTests.Referrals;

public sealed class ReferralTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1, _p2;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        _p2 = await _data.PendampingAsync("P002", "Dander");
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah");
        await _data.HouseholdAsync(_p2, "3522069999", "Sumarni Rahayu", "Ngunut", "Dander");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ChatDriver> MitraAsync(long userId, string code)
    {
        await _app.WithDbAsync(async db =>
        {
            db.Identities.Add(new ChatIdentity { UserId = userId, ChatId = userId, Role = Role.Mitra, MitraCode = code, CreatedAt = _app.Clock.GetUtcNow(), LastSeenAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        return new ChatDriver(_app, userId);
    }

    [Fact]
    public async Task The_guided_referral_asks_for_the_household_the_agency_and_a_note_and_sends_only_after_kirim()
    {
        var chat = await _data.PendampingChatAsync(9801, _p1);

        Assert.Contains("Tulis ID KPM", (await chat.SendAsync("/rujuk")).Text);
        var agencies = await chat.SendAsync("3522011234");
        Assert.Contains("rj:m:DINKOP", chat.LastButtons.Select(b => b.Data));
        Assert.Contains("rj:m:PENA", chat.LastButtons.Select(b => b.Data));
        Assert.Contains("Siti Aminah", agencies.Text);
        Assert.Contains("catatan singkat", (await chat.PressAsync("rj:m:BAZNAS")).Text);
        Assert.Contains("terlalu pendek", (await chat.SendAsync("ok")).Text);
        var confirm = await chat.SendAsync("butuh modal untuk gerobak bakso");
        Assert.Contains("Kirim rujukan?", confirm.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Referrals.CountAsync()));

        var sent = await chat.PressAsync("rj:ok");

        Assert.Contains("tersimpan untuk BAZNAS", sent.Text);   // no BAZNAS officer has joined yet
        var r = await _app.WithDbAsync(db => db.Referrals.SingleAsync());
        Assert.Equal(("BAZNAS", "butuh modal untuk gerobak bakso", ReferralStatus.Sent), (r.MitraCode, r.Note, r.Status));

        // The officer who joins later finds it in /rujukan, with the buttons to answer.
        var baznas = await MitraAsync(9802, "BAZNAS");
        var list = await baznas.SendAsync("/rujukan");
        Assert.Contains($"#{r.Id} Siti Aminah", list.Text);
        Assert.Contains($"rm:a:{r.Id}", baznas.LastButtons.Select(b => b.Data));
    }

    [Fact]
    public async Task Another_pendampings_household_an_unknown_agency_and_a_second_open_referral_are_refused()
    {
        var chat = await _data.PendampingChatAsync(9811, _p1);

        Assert.Contains("tidak ada di daftar Anda", (await chat.SendAsync("/rujuk 3522069999 DINKOP butuh modal usaha")).Text);
        var unknown = await chat.SendAsync("/rujuk 3522011234 KOPERASI butuh modal usaha");
        Assert.Contains("tidak dikenal", unknown.Text);
        Assert.Contains("DINKOP", unknown.Text);
        await chat.SendAsync("/rujuk 3522011234 DINKOP butuh pelatihan usaha");
        var first = await chat.PressAsync("rj:ok");
        Assert.True(first.Text.Contains("Rujukan #"), first.Text);

        var again = await chat.SendAsync("/rujuk 3522011234 DINKOP butuh pelatihan lagi");

        Assert.Contains("sudah dirujuk", again.Text);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Referrals.CountAsync()));
        Assert.Contains("Perintah /rujuk hanya untuk pendamping", (await (await MitraAsync(9812, "DINKOP")).SendAsync("/rujuk 3522011234 DINKOP x")).Text);
    }

    [Fact]
    public async Task A_referral_unanswered_for_seven_days_nudges_the_agency_and_tells_the_kecamatan_coordinator_once()
    {
        var chat = await _data.PendampingChatAsync(9821, _p1);
        var dinkop = await MitraAsync(9822, "DINKOP");
        var ngraho = await new ChatDriver(_app, 9823).AsAsync(Role.Koordinator, coordinatorId: await _data.CoordinatorAsync(false, "Ngraho"));
        var dander = await new ChatDriver(_app, 9824).AsAsync(Role.Koordinator, coordinatorId: await _data.CoordinatorAsync(false, "Dander"));
        await chat.SendAsync("/rujuk 3522011234 DINKOP butuh pelatihan usaha");
        await chat.PressAsync("rj:ok");
        var runner = _app.Services.GetRequiredService<ReminderRunner>();

        var early = await runner.RunAsync(JobNames.ReferralUnanswered, _app.Clock.GetUtcNow().AddDays(6), CancellationToken.None);
        Assert.Equal(0, early.Messages);
        // Seven days later, a Monday 10:00 WIB.
        var later = await runner.RunAsync(JobNames.ReferralUnanswered, _app.Clock.GetUtcNow().AddDays(7).AddHours(2), CancellationToken.None);
        var again = await runner.RunAsync(JobNames.ReferralUnanswered, _app.Clock.GetUtcNow().AddDays(8).AddHours(2), CancellationToken.None);

        Assert.Equal(2, later.Messages);
        Assert.Equal(0, again.Messages);
        var toMitra = await Nudges(9822);
        Assert.Contains("belum dijawab", Html.ToPlain(Assert.Single(toMitra).Text));
        Assert.Contains("Dinas Koperasi", Html.ToPlain(Assert.Single(await Nudges(9823)).Text));
        Assert.Empty(await Nudges(9824));
    }

    [Fact]
    public async Task An_agency_officer_joins_by_invite_for_its_catalogue_code_and_then_sees_only_its_own_referrals()
    {
        var wrong = await CliRunner.RunAsync(_app, "invite", "create", "--role", "mitra", "--mitra", "DINSOS");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("tidak ada di katalog", wrong.Err);
        Assert.Contains("DINKOP", wrong.Err);
        var created = await CliRunner.RunAsync(_app, "invite", "create", "--role", "mitra", "--mitra", "dinkop", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var code = System.Text.Json.JsonDocument.Parse(created.Out).RootElement.GetProperty("code").GetString();

        var officer = new ChatDriver(_app, 9831);
        var welcome = await officer.SendAsync($"/start {code}");

        Assert.Contains("mitra", welcome.Text);
        Assert.Contains("/hasil", welcome.Text);
        Assert.Equal("DINKOP", await _app.WithDbAsync(db => db.Identities.Where(i => i.UserId == 9831).Select(i => i.MitraCode).SingleAsync()));
        var chat = await _data.PendampingChatAsync(9832, _p1);
        await chat.SendAsync("/rujuk 3522011234 BAZNAS butuh modal usaha");
        await chat.PressAsync("rj:ok");
        Assert.Contains("Belum ada rujukan", (await officer.SendAsync("/rujukan")).Text);
        Assert.Contains("Perintah /kpm hanya untuk", (await officer.SendAsync("/kpm 3522011234")).Text);
    }

    private Task<List<OutboxMessage>> Nudges(long chatId)
        => _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == chatId && m.Kind == OutboxKind.Nudge).ToListAsync());
}
