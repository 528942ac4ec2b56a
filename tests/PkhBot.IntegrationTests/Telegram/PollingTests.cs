using PkhBot.Bench;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

public sealed class PollingTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api, new Dictionary<string, string?> { ["Telegram:MenuRefreshSeconds"] = "1" });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Bantuan_sent_through_polling_is_answered_in_html()
    {
        _api.EnqueueMessage(4201, "/bantuan");

        var reply = await _api.WaitForSentAsync(s => s.ChatId == 4201);

        Assert.Equal("sendMessage", reply.Method);
        Assert.Contains("/bantuan", reply.Text);
        Assert.Equal("html", reply.ParseMode, ignoreCase: true);
        var inbox = await _worker.InboxAsync();
        Assert.Equal(InboxStatus.Done, Assert.Single(inbox).Status);
    }

    [Fact]
    public async Task A_duplicate_update_is_processed_once()
    {
        var id = _api.EnqueueMessage(4202, "/bantuan");
        await _api.WaitForSentAsync(s => s.ChatId == 4202);

        _api.EnqueueDuplicate(id);
        _api.EnqueueMessage(4203, "/bantuan");   // processed after the duplicate: a barrier
        await _api.WaitForSentAsync(s => s.ChatId == 4203);

        Assert.Single(_api.SentTo(4202));
        Assert.Single(await _worker.App.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 4202).ToListAsync()));
    }

    [Fact]
    public async Task A_429_storm_loses_nothing_and_doubles_nothing()
    {
        _api.FailNext("sendMessage", 429, retryAfter: 1, count: 4);
        var users = Enumerable.Range(4300, 12).Select(i => (long)i).ToList();
        foreach (var u in users) _api.EnqueueMessage(u, "/bantuan");

        await _api.WaitForSentCountAsync(s => users.Contains(s.ChatId), users.Count, TimeSpan.FromSeconds(30));

        Assert.All(users, u => Assert.Single(_api.SentTo(u)));
        Assert.Equal(4, _api.CountCalls("sendMessage", 429));
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.All(m => m.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task Server_errors_a_dropped_connection_and_a_slow_answer_are_retried_until_delivered()
    {
        _api.FailNext("sendMessage", 500);
        _api.FailNext("sendMessage", 502);
        _api.DropNext("sendMessage");
        _api.DelayNext("sendMessage", TimeSpan.FromSeconds(4));   // longer than SendTimeoutSeconds=3: the client gives up
        _api.EnqueueMessage(4401, "/bantuan");

        var reply = await _api.WaitForSentAsync(s => s.ChatId == 4401, TimeSpan.FromSeconds(45));

        Assert.Contains("/bantuan", reply.Text);
        Assert.Single(_api.SentTo(4401));
        // Telegram has it; the row is marked Sent right after the answer comes back.
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.Single().Status == OutboxStatus.Sent);
        Assert.Equal(5, Assert.Single(await _worker.OutboxAsync()).Attempts);
    }

    [Fact]
    public async Task Polling_backs_off_on_server_errors_and_then_receives()
    {
        _api.FailNext("getUpdates", 502, count: 3);
        // The long poll already in flight would take a message queued now and answer it before the three failures.
        await _api.WaitUntilAsync(() => _api.CountCalls("getUpdates", 502) == 3, TimeSpan.FromSeconds(30));
        _api.EnqueueMessage(4501, "/bantuan");

        await _api.WaitForSentAsync(s => s.ChatId == 4501, TimeSpan.FromSeconds(30));

        Assert.Equal(3, _api.CountCalls("getUpdates", 502));
        Assert.Single(_api.SentTo(4501));
        // Each failure is followed by a pause (at least half the back-off: 100, 200, 400 ms), not an immediate retry.
        var polls = _api.Calls.Where(c => c.Method == "getUpdates").ToList();
        var firstFailure = polls.FindIndex(c => c.Status == 502);
        for (var i = 0; i < 3; i++)
            Assert.True(polls[firstFailure + i + 1].At - polls[firstFailure + i].At >= TimeSpan.FromMilliseconds(45 * (1 << i)));
    }

    [Fact]
    public async Task A_reply_quoting_user_text_with_html_characters_is_accepted_by_telegram()
    {
        _api.EnqueueMessage(4601, "/x<b>&_*[](Siti)");

        var reply = await _api.WaitForSentAsync(s => s.ChatId == 4601);

        Assert.Contains("&lt;b&gt;&amp;_*[](siti)", reply.Text);
        Assert.Equal(0, _api.CountCalls("sendMessage", 400));
    }

    [Fact]
    public async Task Html_that_telegram_cannot_parse_is_resent_as_plain_text()
    {
        await _worker.QueueAsync(4701, "Halo <b>Siti & Budi", OutboxKind.Reply);

        var sent = await _api.WaitForSentAsync(s => s.ChatId == 4701);

        Assert.Equal("Halo Siti & Budi", sent.Text);
        Assert.Null(sent.ParseMode);
        Assert.Equal(1, _api.CountCalls("sendMessage", 400));
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.Single().Status == OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_unreachable_and_not_retried()
    {
        await new ChatDriver(_worker.App, 4801).AsAsync(PkhBot.Onboarding.Role.Kpm);
        _api.FailNext("sendMessage", 403);
        _api.EnqueueMessage(4801, "/bantuan");

        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.Any(m => m.ChatId == 4801 && m.Status == OutboxStatus.Unreachable));

        Assert.Empty(_api.SentTo(4801));
        Assert.Equal(1, _api.Calls.Count(c => c.ChatId == 4801));
        Assert.True(await _worker.App.WithDbAsync(db => db.Identities.Where(i => i.UserId == 4801).Select(i => i.Unreachable).SingleAsync()));
    }

    [Fact]
    public async Task A_button_press_is_answered_and_the_spinner_stopped()
    {
        _api.EnqueueCallback(4901, "tidakada:1", messageId: 77, callbackId: "cb-4901");

        var toast = await _api.WaitForSentAsync(s => s.Method == "answerCallbackQuery" && s.CallbackQueryId == "cb-4901");
        var reply = await _api.WaitForSentAsync(s => s.ChatId == 4901);

        Assert.NotNull(toast);
        Assert.Contains("tidak berlaku", reply.Text);
    }

    [Fact]
    public async Task Command_menus_are_set_at_start()
    {
        // Both at start, in no fixed order (the menus are set beside the poller, which removes any webhook).
        await _api.WaitUntilAsync(() => _api.CountCalls("setMyCommands", 200) >= 1 && _api.CountCalls("deleteWebhook", 200) >= 1);
        Assert.Null(_api.Calls.First(c => c.Method == "setMyCommands").ChatId);
    }

    [Fact]
    public async Task A_user_who_becomes_admin_gets_a_menu_of_their_own()
    {
        await _api.WaitUntilAsync(() => _api.CountCalls("setMyCommands", 200) >= 1);
        await _worker.App.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            db.Identities.Add(new PkhBot.Onboarding.ChatIdentity { UserId = 5101, ChatId = 5101, Role = PkhBot.Onboarding.Role.Admin, CreatedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        });

        await _api.WaitUntilAsync(() => _api.Calls.Any(c => c.Method == "setMyCommands" && c.ChatId == 5101));

        Assert.Contains("/bantuan", _api.Calls.First(c => c.Method == "setMyCommands" && c.ChatId == 5101).Text);
        Assert.Null(_api.Calls.First(c => c.Method == "setMyCommands").ChatId);   // the default menu, for everyone
    }

    [Fact]
    public async Task An_update_stored_but_never_finished_is_retried_from_the_inbox()
    {
        var json = _api.NewMessageUpdateJson(5001, "/bantuan");
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("update_id").GetInt64();
        await _worker.App.WithDbAsync(async db =>
        {
            db.Inbox.Add(new InboxUpdate { UpdateId = id, Payload = json, Status = InboxStatus.Pending, ReceivedAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) });
            await db.SaveChangesAsync();
        });

        var reply = await _api.WaitForSentAsync(s => s.ChatId == 5001);

        Assert.Contains("/bantuan", reply.Text);
        Assert.Equal(InboxStatus.Done, (await _worker.InboxAsync()).Single(i => i.UpdateId == id).Status);
    }
}
