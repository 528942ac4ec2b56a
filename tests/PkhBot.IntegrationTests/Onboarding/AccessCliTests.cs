using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Households;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Onboarding;

/// <summary>`users list|revoke` and `invite list|revoke` through the command-line entry point, then the chat.</summary>
public sealed class AccessCliTests : IAsyncLifetime
{
    private const string RosterPhone = "081355501234";
    private TestApp _app = null!;
    private int _pendampingId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _pendampingId = await _app.WithDbAsync(async db =>
        {
            var kec = await db.Kecamatan.FirstAsync(k => k.Nama == "Ngraho");
            var p = new Pendamping { Kode = "PDP-REV", Nama = "Bu Revoke", Phone = RosterPhone, KecamatanId = kec.Id, CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            db.Households.Add(new Household
            {
                IdKpm = "3522018880", Nik = "3522015508870009", NamaPengurus = "Tumini Lestari", NamaSearch = NameSearch.Normalize("Tumini Lestari"),
                KecamatanId = kec.Id, Pendamping = p, Sd = 1, CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Users_list_shows_staff_with_role_scope_and_phone_check_but_never_the_number()
    {
        await new ChatDriver(_app, 7101).AsAsync(Role.Pendamping, _pendampingId);
        await new ChatDriver(_app, 7102).AsAsync(Role.Admin);
        await new ChatDriver(_app, 7103).AsAsync(Role.Kpm);

        var table = await CliRunner.RunAsync(_app, "users", "list");
        var json = await CliRunner.RunAsync(_app, "users", "list", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("7101", table.Out);
        Assert.Contains("PDP-REV", table.Out);
        Assert.DoesNotContain("7103", table.Out);   // KPM only with --all
        Assert.Equal(0, json.ExitCode);
        var rows = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var p = rows.Single(r => r.GetProperty("telegramUserId").GetInt64() == 7101);
        Assert.Equal("pendamping", p.GetProperty("role").GetString());
        Assert.Equal("PDP-REV", p.GetProperty("scope").GetString());
        Assert.True(p.GetProperty("phoneVerified").GetBoolean());
        Assert.True(p.TryGetProperty("lastSeen", out _));
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("telegramUserId").GetInt64() == 7102).GetProperty("phoneVerified").ValueKind);
        foreach (var output in new[] { table.Out, json.Out }) Assert.DoesNotContain(RosterPhone[^8..], output);
    }

    [Fact]
    public async Task Users_revoke_takes_the_role_away_at_once_audits_it_and_tells_the_person()
    {
        var user = await new ChatDriver(_app, 7111).AsAsync(Role.Pendamping, _pendampingId);
        Assert.Contains("Tumini Lestari", (await user.SendAsync("/kpm 3522018880")).Text);

        var r = await CliRunner.RunAsync(_app, "users", "revoke", "7111");

        Assert.True(r.ExitCode == 0, r.ToString());
        var after = await user.SendAsync("/kpm 3522018880");
        Assert.DoesNotContain("Tumini", after.Text);
        Assert.DoesNotContain("Tumini", (await user.SendAsync("/cari tumini")).Text);
        await _app.WithDbAsync(async db =>
        {
            var identity = await db.Identities.SingleAsync(i => i.UserId == 7111);
            Assert.Equal(Role.None, identity.Role);
            Assert.Null(identity.PendampingId);
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "identity.revoke" && a.EntityId == identity.Id.ToString() && a.Actor == "cli"));
            var told = await db.Outbox.Where(m => m.ChatId == 7111).Select(m => m.Text).ToListAsync();
            Assert.Contains(told, t => t.Contains("telah dicabut"));
        });
    }

    [Fact]
    public async Task Users_revoke_of_an_unknown_id_or_a_KPM_exits_2_with_one_line()
    {
        await new ChatDriver(_app, 7121).AsAsync(Role.Kpm);

        var unknown = await CliRunner.RunAsync(_app, "users", "revoke", "424242");
        var kpm = await CliRunner.RunAsync(_app, "users", "revoke", "7121");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("424242 tidak dikenal", unknown.Err);
        Assert.Single(unknown.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, kpm.ExitCode);
        Assert.Single(kpm.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Invite_list_shows_no_code_and_a_revoked_code_no_longer_binds_anyone()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        var list = await CliRunner.RunAsync(_app, "invite", "list");
        var revoke = await CliRunner.RunAsync(_app, "invite", "revoke", first);
        var again = await new ChatDriver(_app, 7131).SendAsync($"/start {first}");
        var listAfter = await CliRunner.RunAsync(_app, "invite", "list");
        var bogus = await CliRunner.RunAsync(_app, "invite", "revoke", "tidak-ada-kode-begini");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(2, list.Out.Split('\n').Count(l => l.Contains("aktif")));
        Assert.DoesNotContain(first, list.Out);
        Assert.DoesNotContain(second, list.Out);
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Contains("sudah dicabut", again.Text);
        Assert.Equal(Role.None, await _app.WithDbAsync(async db => (await db.Identities.FirstOrDefaultAsync(i => i.UserId == 7131))?.Role ?? Role.None));
        Assert.Contains("dicabut", listAfter.Out);
        Assert.Equal(2, bogus.ExitCode);
        Assert.Single(bogus.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(await _app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "invite.revoke")));
    }

    [Fact]
    public async Task A_used_invite_cannot_be_revoked_and_the_line_says_how_to_revoke_the_user()
    {
        var code = await CreateAsync();
        await new ChatDriver(_app, 7141).SendAsync($"/start {code}");

        var r = await CliRunner.RunAsync(_app, "invite", "revoke", code);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("users revoke 7141", r.Err);
    }

    private async Task<string> CreateAsync()
    {
        var r = await CliRunner.RunAsync(_app, "invite", "create", "--role", "pendamping", "--pendamping-kode", "PDP-REV", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.Out).RootElement.GetProperty("code").GetString()!;
    }
}
