using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Onboarding;

public sealed class OnboardingTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private int _pendampingId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _pendampingId = await _app.WithDbAsync(async db =>
        {
            var kec = await db.Kecamatan.FirstAsync(k => k.Nama == "Ngraho");
            var p = new Pendamping { Kode = "PDP-777", Nama = "Siti <Aminah> & _*[]", Phone = "0812-3456-7890", KecamatanId = kec.Id, CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> CreateInviteAsync(params string[] args)
    {
        var r = await CliRunner.RunWithAsync(_app, ["--Telegram:BotUsername=@PkhBojonegoroBot"], ["invite", "create", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var code = json.RootElement.GetProperty("code").GetString()!;
        Assert.Equal($"https://t.me/PkhBojonegoroBot?start={code}", json.RootElement.GetProperty("link").GetString());
        var expires = DateTimeOffset.Parse(json.RootElement.GetProperty("expires").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        return code;
    }

    private Task<ChatIdentity?> IdentityAsync(long userId)
        => _app.WithDbAsync(db => db.Identities.Include(i => i.Coordinator!).ThenInclude(c => c.Kecamatan).FirstOrDefaultAsync(i => i.UserId == userId));

    [Fact]
    public async Task Start_with_an_invite_code_binds_the_user_to_the_pendamping()
    {
        var code = await CreateInviteAsync("--role", "pendamping", "--pendamping-kode", "PDP-777");
        var user = new ChatDriver(_app, 7001);

        var r = await user.SendAsync($"/start {code}");

        Assert.Contains("Selamat datang", r.Text);
        Assert.Contains("Siti <Aminah> & _*[]", r.Text);       // escaped in HTML, readable as text
        Assert.Contains("/bantuan", r.Text);
        Assert.Contains(user.LastButtons, b => b.Kind == ButtonKind.RequestContact);
        var identity = await IdentityAsync(7001);
        Assert.Equal(Role.Pendamping, identity!.Role);
        Assert.Equal(_pendampingId, identity.PendampingId);
        await _app.WithDbAsync(async db =>
        {
            var invite = await db.Invites.SingleAsync();
            Assert.Equal(7001, invite.UsedByUserId);
            Assert.NotEqual(code, invite.CodeHash);
            Assert.DoesNotContain(code, invite.CodeHash);
            // Not yet a pendamping in the audit trail: the phone is not verified (Onboarding:RequirePhoneMatch).
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "invite.redeem" && a.Actor == $"user:{identity.Id}"));
        });
    }

    [Fact]
    public async Task A_koordinator_invite_carries_its_kecamatan_scope()
    {
        var code = await CreateInviteAsync("--role", "koordinator", "--kecamatan", "Kepoh Baru", "--kecamatan", "dander", "--nama", "Bu Rini");
        var r = await new ChatDriver(_app, 7002).SendAsync($"/start {code}");

        Assert.Contains("koordinator Bu Rini (Kec. Dander, Kepohbaru)", r.Text);
        var identity = await IdentityAsync(7002);
        Assert.Equal(Role.Koordinator, identity!.Role);
        Assert.False(identity.Coordinator!.WholeKabupaten);
        var expected = await _app.WithDbAsync(db => db.Kecamatan.Where(k => k.Nama == "Kepohbaru" || k.Nama == "Dander").Select(k => k.Id).OrderBy(x => x).ToListAsync());
        Assert.Equal(expected, identity.Coordinator.Kecamatan.Select(k => k.KecamatanId).Order());
    }

    [Fact]
    public async Task A_koordinator_invite_without_kecamatan_covers_the_whole_kabupaten_and_an_admin_invite_makes_an_admin()
    {
        var k = await CreateInviteAsync("--role", "koordinator");
        var a = await CreateInviteAsync("--role", "admin");

        Assert.Contains("seluruh Kabupaten Bojonegoro", (await new ChatDriver(_app, 7003).SendAsync($"/start {k}")).Text);
        Assert.True((await IdentityAsync(7003))!.Coordinator!.WholeKabupaten);
        await new ChatDriver(_app, 7004).SendAsync($"/start {a}");
        Assert.Equal(Role.Admin, (await IdentityAsync(7004))!.Role);
    }

    [Fact]
    public async Task Invite_create_refuses_an_unknown_pendamping_kode_or_kecamatan()
    {
        var p = await CliRunner.RunAsync(_app, "invite", "create", "--role", "pendamping", "--pendamping-kode", "PDP-404");
        var k = await CliRunner.RunAsync(_app, "invite", "create", "--role", "koordinator", "--kecamatan", "Gotham");
        var missing = await CliRunner.RunAsync(_app, "invite", "create", "--role", "pendamping");

        Assert.Equal(2, p.ExitCode);
        Assert.Contains("PDP-404", p.Err);
        Assert.Equal(2, k.ExitCode);
        Assert.Contains("Kecamatan tidak dikenal: Gotham", k.Err);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--pendamping-kode wajib", missing.Err);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Invites.CountAsync()));
    }

    [Fact]
    public async Task Invite_create_prints_code_expiry_and_a_placeholder_link_when_the_bot_username_is_unset()
    {
        var r = await CliRunner.RunAsync(_app, "invite", "create", "--role", "admin");

        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"Kode +: [A-Za-z0-9_-]{22}", r.Out);
        Assert.Contains("Berlaku : sampai", r.Out);
        Assert.Contains("https://t.me/NAMA_BOT?start=", r.Out);
        Assert.Contains("Telegram:BotUsername", r.Err);
    }

    [Fact]
    public async Task Used_expired_and_wrong_codes_get_distinct_answers()
    {
        var used = await CreateInviteAsync("--role", "pendamping", "--pendamping-kode", "PDP-777");
        await new ChatDriver(_app, 7010).SendAsync($"/start {used}");
        var expired = await _app.WithDbAsync(db => new InviteService(db, _app.Clock).CreateAsync(Role.Admin, null, null, default));
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var user = new ChatDriver(_app, 7011);

        var usedReply = (await user.SendAsync($"/start {used}")).Text;
        var expiredReply = (await user.SendAsync($"/start {expired.Code}")).Text;
        var wrongReply = (await user.SendAsync("/start AAAAAAAAAAAAAAAAAAAAAA")).Text;

        Assert.Contains("sudah dipakai", usedReply);
        Assert.Contains("kedaluwarsa", expiredReply);
        Assert.Contains("tidak dikenal", wrongReply);
        Assert.Equal(3, new[] { usedReply, expiredReply, wrongReply }.Distinct().Count());
        Assert.Null(await IdentityAsync(7011));
        Assert.Equal(7010, await _app.WithDbAsync(db => db.Invites.Where(i => i.UsedAt != null).Select(i => i.UsedByUserId).SingleAsync()));
    }

    [Fact]
    public async Task Repeated_wrong_codes_block_the_user_for_an_hour_even_for_a_valid_code()
    {
        var valid = await _app.WithDbAsync(db => new InviteService(db, _app.Clock).CreateAsync(Role.Pendamping, _pendampingId, null, default));
        var guesser = new ChatDriver(_app, 7020);
        for (var i = 0; i < InviteService.MaxFailures - 1; i++)
            Assert.Contains("tidak dikenal", (await guesser.SendAsync($"/start guess{i}")).Text);

        var fifth = await guesser.SendAsync("/start guess-last");
        var validWhileBlocked = await guesser.SendAsync($"/start {valid.Code}");

        Assert.Contains("Terlalu banyak kode yang salah", fifth.Text);
        Assert.Contains("WIB", fifth.Text);
        Assert.Contains("Terlalu banyak kode yang salah", validWhileBlocked.Text);
        Assert.Null(await IdentityAsync(7020));
        Assert.Contains("tidak dikenal", (await new ChatDriver(_app, 7021).SendAsync("/start other-user")).Text);

        _app.Clock.Advance(InviteService.BlockFor + TimeSpan.FromMinutes(1));
        Assert.Contains("Selamat datang", (await guesser.SendAsync($"/start {valid.Code}")).Text);
        Assert.Equal(Role.Pendamping, (await IdentityAsync(7020))!.Role);
    }

    [Fact]
    public async Task An_already_bound_pendamping_is_reminded_who_they_are_and_keeps_the_role()
    {
        var user = await new ChatDriver(_app, 7030).AsAsync(Role.Pendamping, _pendampingId);
        await _app.WithDbAsync(async db => { (await db.Identities.SingleAsync(i => i.UserId == 7030)).Pendamping = await db.Pendamping.FindAsync(_pendampingId); await db.SaveChangesAsync(); });
        var admin = await CreateInviteAsync("--role", "admin");

        var plain = await user.SendAsync("/start");
        var withCode = await user.SendAsync($"/start {admin}");

        Assert.Contains("sudah terdaftar sebagai pendamping", plain.Text);
        Assert.Contains("PDP-777", plain.Text);
        Assert.Contains("peran Anda tidak berubah", withCode.Text);
        Assert.Equal(Role.Pendamping, (await IdentityAsync(7030))!.Role);
        Assert.Null(await _app.WithDbAsync(db => db.Invites.Select(i => i.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Start_without_a_code_makes_a_public_user_who_sees_no_data()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "seed-demo", "--households", "40")).ExitCode);
        var user = new ChatDriver(_app, 7040);

        var r = await user.SendAsync("/start");

        Assert.Contains("PKH Kabupaten Bojonegoro", r.Text);
        Assert.Contains("Anak SD dapat bantuan berapa?", r.Text);
        var identity = await IdentityAsync(7040);
        Assert.Equal(Role.Kpm, identity!.Role);
        var caller = CallerResolver.FromIdentity(identity);
        var households = await _app.WithDbAsync(db => db.Households.Select(h => new { h.KecamatanId, h.PendampingId, h.NamaPengurus }).ToListAsync());
        Assert.All(households, h => Assert.False(caller.CanSee(h.KecamatanId, h.PendampingId)));
        var help = await user.SendAsync("/bantuan");
        Assert.Contains("Perintah untuk KPM", help.Text);
        Assert.DoesNotContain(households, h => help.Text.Contains(h.NamaPengurus) || r.Text.Contains(h.NamaPengurus));
    }

    [Fact]
    public async Task A_pendamping_sees_no_household_until_sharing_the_roster_phone_and_then_sees_them()
    {
        var household = await _app.WithDbAsync(async db =>
        {
            var p = await db.Pendamping.SingleAsync(x => x.Id == _pendampingId);
            var h = new Household
            {
                IdKpm = "3522019990", Nik = "3522015508870001", NamaPengurus = "Sumiati Rahayu", NamaSearch = NameSearch.Normalize("Sumiati Rahayu"),
                KecamatanId = p.KecamatanId!.Value, PendampingId = p.Id, Sd = 1, CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow(),
            };
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h;
        });
        var code = await CreateInviteAsync("--role", "pendamping", "--pendamping-kode", "PDP-777");
        var user = new ChatDriver(_app, 7050);
        await user.SendAsync($"/start {code}");

        // A forwarded invite alone: every way to household data answers with the share-contact button instead.
        var kpm = await user.SendAsync("/kpm");
        var one = await user.SendAsync("/kpm 3522019990");
        var lapor = await user.SendAsync("/lapor 3522019990 kesehatan sudah imunisasi");
        var freeText = await user.SendAsync("Bu Sumiati sudah buka warung, omzet 1,5 juta");
        var button = await user.PressAsync($"lf:start:{household.Id}");
        foreach (var r in new[] { kpm, one, lapor, freeText, button })
        {
            Assert.Contains("belum diverifikasi", r.Text);
            Assert.DoesNotContain("Sumiati", r.Text);
            Assert.DoesNotContain("3522019990", r.Text);
        }
        Assert.Contains(user.LastButtons, b => b.Kind == ButtonKind.RequestContact);
        Assert.False(await _app.WithDbAsync(db => db.Reports.AnyAsync()));
        // Questions everyone may ask still work.
        Assert.DoesNotContain("belum diverifikasi", (await user.SendAsync("/bantuan")).Text);

        var wrong = await user.SendContactAsync("+62 813 0000 1111");
        var someoneElse = await user.ProcessAsync(new Incoming
        {
            Channel = "telegram", UpdateId = 97_050_999, UserId = 7050, ChatId = 7050, SentAt = _app.Clock.GetUtcNow(),
            Contact = new SharedContact("081234567890", 9999),
        });
        Assert.False((await IdentityAsync(7050))!.PhoneVerified);
        Assert.Contains("belum diverifikasi", (await user.SendAsync("/kpm")).Text);
        var right = await user.SendContactAsync("+62 812-3456-7890");

        Assert.Contains("tidak sama dengan nomor di data pendamping", wrong.Text);
        Assert.DoesNotContain("081300001111", wrong.Text);
        Assert.Contains("nomor HP Anda sendiri", someoneElse.Text);
        Assert.Contains("cocok", right.Text);
        Assert.DoesNotContain("081234567890", right.Text);
        Assert.True((await IdentityAsync(7050))!.PhoneVerified);
        Assert.Contains("Sumiati Rahayu", (await user.SendAsync("/kpm 3522019990")).Text);
    }

    [Fact]
    public async Task With_the_phone_match_turned_off_an_invited_pendamping_sees_households_at_once()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Onboarding:RequirePhoneMatch"] = "false" });
        var pendampingId = await app.WithDbAsync(async db =>
        {
            var kec = await db.Kecamatan.FirstAsync(k => k.Nama == "Ngraho");
            var p = new Pendamping { Kode = "PDP-778", Nama = "Bu Tanpa HP", KecamatanId = kec.Id, CreatedAt = app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            db.Households.Add(new Household
            {
                IdKpm = "3522019991", Nik = "3522015508870002", NamaPengurus = "Warsini", NamaSearch = NameSearch.Normalize("Warsini"),
                KecamatanId = kec.Id, Pendamping = p, Sd = 1, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return p.Id;
        });
        var invite = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InviteService>().CreateAsync(Role.Pendamping, pendampingId, null, CancellationToken.None);
        });
        var user = new ChatDriver(app, 7060);
        await user.SendAsync($"/start {invite.Code}");

        Assert.Contains("Warsini", (await user.SendAsync("/kpm 3522019991")).Text);
    }

    [Fact]
    public async Task An_invite_code_sent_in_a_group_is_not_consumed()
    {
        var code = await CreateInviteAsync("--role", "admin");
        var user = new ChatDriver(_app, 7060);

        var r = await user.ProcessAsync(new Incoming
        {
            Channel = "telegram", UpdateId = 97_060_001, UserId = 7060, ChatId = -100123, ChatType = "supergroup",
            Text = $"/start {code}", SentAt = _app.Clock.GetUtcNow(),
        });

        Assert.Contains("chat pribadi", r.Text);
        Assert.Null(await IdentityAsync(7060));
        Assert.Contains("Selamat datang", (await user.SendAsync($"/start {code}")).Text);
    }

    [Fact]
    public async Task A_public_user_who_later_gets_an_invite_becomes_staff_in_the_same_identity()
    {
        var user = new ChatDriver(_app, 7070);
        await user.SendAsync("/start");
        var id = (await IdentityAsync(7070))!.Id;
        var code = await CreateInviteAsync("--role", "pendamping", "--pendamping-kode", "PDP-777");

        await user.SendAsync($"/start {code}");

        var identity = await IdentityAsync(7070);
        Assert.Equal(id, identity!.Id);
        Assert.Equal(Role.Pendamping, identity.Role);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Identities.CountAsync(i => i.UserId == 7070)));
    }
}
