using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reliability;

public sealed class InviteCodeTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Invite_codes_carry_at_least_64_random_bits_in_the_deep_link_alphabet()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => InviteCode.New()).ToList();
        var alphabet = codes.SelectMany(c => c).Distinct().Count();
        // Every code: only A-Z a-z 0-9 _ - (64 symbols = 6 bits each), at least 11 characters (66 bits).
        Assert.All(codes, c => Assert.True(c.Length >= 11 && InviteCode.IsWellFormed(c), c));
        Assert.True(codes.Min(c => c.Length) * Math.Log2(64) >= 64);
        // The symbols really are used (not a counter or a hex string): nearly the whole alphabet shows up, no repeats.
        Assert.True(alphabet >= 60, $"only {alphabet} distinct symbols");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(InviteCode.RandomBytes * 8 >= 64);
    }

    [Fact]
    public async Task Two_users_redeeming_the_same_code_at_the_same_moment_bind_exactly_one()
    {
        var data = new ReportingData(_app);
        var p = await data.PendampingAsync("P001");
        for (var round = 0; round < 5; round++)
        {
            var code = await _app.WithDbAsync(async db =>
            {
                await using var scope = _app.Services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<InviteService>().CreateAsync(Role.Pendamping, p, null, CancellationToken.None)).Code;
            });
            var a = new ChatDriver(_app, 7200 + round * 2);
            var b = new ChatDriver(_app, 7201 + round * 2);
            var results = await Task.WhenAll(Try(a, code), Try(b, code));

            var bound = await _app.WithDbAsync(db => db.Identities.CountAsync(i => (i.UserId == a.UserId || i.UserId == b.UserId) && i.Role == Role.Pendamping));
            Assert.True(bound == 1, $"round {round}: {bound} users bound; replies: {string.Join(" | ", results)}");
            Assert.Equal(1, await _app.WithDbAsync(db => db.Invites.CountAsync(i => i.UsedAt != null && (i.UsedByUserId == a.UserId || i.UsedByUserId == b.UserId))));
        }
    }

    private static async Task<string> Try(ChatDriver chat, string code)
    {
        try { return (await chat.SendAsync($"/start {code}")).Text; }
        catch (Exception ex) { return "exception: " + ex.GetType().Name; }   // a lost race may fail its commit; it must not bind
    }

    [Fact]
    public async Task Repeated_wrong_codes_slow_the_user_down_and_a_fresh_hour_lets_them_try_again()
    {
        var data = new ReportingData(_app);
        var p = await data.PendampingAsync("P002");
        var code = await _app.WithDbAsync(async _ =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<InviteService>().CreateAsync(Role.Pendamping, p, null, CancellationToken.None)).Code;
        });
        var chat = new ChatDriver(_app, 7300);
        for (var i = 0; i < InviteService.MaxFailures; i++) await chat.SendAsync($"/start {InviteCode.New()}");
        var blocked = await chat.SendAsync($"/start {code}");
        Assert.False(await _app.WithDbAsync(db => db.Identities.AnyAsync(x => x.UserId == 7300 && x.Role == Role.Pendamping)), blocked.Text);

        _app.Clock.Advance(InviteService.BlockFor + TimeSpan.FromMinutes(1));
        await chat.SendAsync($"/start {code}");
        Assert.True(await _app.WithDbAsync(db => db.Identities.AnyAsync(x => x.UserId == 7300 && x.Role == Role.Pendamping)));
    }
}
