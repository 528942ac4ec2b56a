using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Channels.Outbox;
using PkhBot.Channels.Telegram;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// Telegram (or the way to it) down for minutes or a day: the real dispatcher and Telegram.Bot client against the fake
/// Bot API refusing every call, on the test's fake clock (a four-minute outage takes seconds, the logic is the same).
/// </summary>
public sealed class OutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TestApp _app = null!;
    private readonly CancellationTokenSource _stop = new();
    private Task _dispatcher = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = _api.Url,
            ["Telegram:SendTimeoutSeconds"] = "5",
            // Deep links need no getMe call (which the outage would refuse too).
            ["Telegram:BotUsername"] = FakeBotApi.BotUsername,
        });
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _dispatcher; } catch (OperationCanceledException) { }
        await _app.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData(OutageKind.BadGateway)]
    [InlineData(OutageKind.Refused)]
    [InlineData(OutageKind.Unauthorized)]
    public async Task A_four_minute_outage_loses_nothing_and_doubles_nothing(OutageKind kind)
    {
        // Before: three users have been answered and two nudges queued; then Telegram stops answering.
        for (var user = 1; user <= 3; user++) await new ChatDriver(_app, 610_000 + user).SendAsync("/bantuan");
        await QueueNudgesAsync(620_000, 2);
        _api.StartOutage(kind, TimeSpan.FromMinutes(4), _app.Clock);
        StartDispatcher();

        // During: more questions answered and nudges queued at 1 and 3 minutes into the outage.
        await AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));
        for (var user = 4; user <= 6; user++) await new ChatDriver(_app, 610_000 + user).SendAsync("/bantuan");
        await QueueNudgesAsync(621_000, 2);
        await AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500));
        for (var user = 7; user <= 9; user++) await new ChatDriver(_app, 610_000 + user).SendAsync("/bantuan");
        await QueueNudgesAsync(622_000, 2);
        await AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));
        Assert.False(_api.InOutage);
        Assert.Empty(_api.Sent);

        var queued = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Channel == "telegram").OrderBy(m => m.Id).ToListAsync());
        // After: the back-off is at most a minute, then everything goes within Telegram's limits.
        await AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(250), () => _api.Sent.Count >= queued.Count);
        await AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250));

        var sent = _api.Sent.Where(s => s.Method != "answerCallbackQuery").Select(s => (s.ChatId, s.Text)).ToList();
        Assert.Equal(queued.Select(m => (m.ChatId, (string?)m.Text)).Order(), sent.Order());
        var rows = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Channel == "telegram").ToListAsync());
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        // Paused for everyone, not retried per message: a handful of refused calls over four minutes, not one series per message.
        var refusedSends = _api.Calls.Count(c => c.Method == "sendMessage" && c.Status != 200);
        Assert.InRange(refusedSends, 1, 24);
        Assert.Equal(0, _api.CountCalls("sendMessage", 429));
        var replies = queued.Count(m => m.Kind == OutboxKind.Reply);
        output.WriteLine($"{kind}: {replies} replies and {queued.Count - replies} nudges delivered after a 4-minute outage, each once; {refusedSends} sends refused during it.");
    }

    [Fact]
    public async Task A_message_older_than_GiveUpAfterHours_is_given_up_counted_and_the_admins_told_once()
    {
        await _app.WithDbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            foreach (var admin in new[] { 630_001L, 630_002L })
                db.Identities.Add(new ChatIdentity { UserId = admin, ChatId = admin, Role = Role.Admin, DisplayName = "Admin", CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        });
        await QueueNudgesAsync(631_000, 3);
        _api.StartOutage(OutageKind.BadGateway);
        StartDispatcher();

        await AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        await AdvanceAsync(TimeSpan.FromHours(23), TimeSpan.FromMinutes(10));
        // Queued an hour before the outage ends: young enough to be delivered after it.
        await QueueNudgesAsync(632_000, 1);
        await AdvanceAsync(TimeSpan.FromHours(1.5), TimeSpan.FromMinutes(10));
        _api.EndOutage();
        await AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(500), () => _api.Sent.Count >= 3);
        await AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(_api.Sent, s => s.ChatId is >= 631_000 and < 632_000);
        Assert.Single(_api.SentTo(632_000));
        var old = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ChatId >= 631_000 && m.ChatId < 632_000).ToListAsync());
        Assert.All(old, m => Assert.Equal((OutboxStatus.Failed, OutboxStore.ExpiredError), (m.Status, m.LastError)));
        Assert.Equal(3, _app.Services.GetRequiredService<TelegramMetrics>().Expired);
        foreach (var admin in new[] { 630_001L, 630_002L })
        {
            var told = Assert.Single(_api.SentTo(admin));
            Assert.Contains("3 pesan bot tidak terkirim", told.Text);
        }
    }

    private void StartDispatcher()
    {
        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        _dispatcher = Task.Run(() => dispatcher.RunAsync(untilIdle: false, _stop.Token));
    }

    private async Task QueueNudgesAsync(long firstChat, int count)
    {
        await _app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.Outbox.Add(OutboxMessageFactory.Create("telegram", firstChat + i, new Reply($"Pengingat <b>{i + 1}</b>: laporan minggu ini."), OutboxKind.Nudge, _app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Moves the fake clock on in steps, giving the dispatcher real time to act between them.</summary>
    private async Task AdvanceAsync(TimeSpan total, TimeSpan step, Func<bool>? until = null)
    {
        for (var t = TimeSpan.Zero; t < total; t += step)
        {
            if (until?.Invoke() == true) return;
            _app.Clock.Advance(step);
            await Task.Delay(15);
            if (_dispatcher.IsFaulted) await _dispatcher;
        }
    }
}
