using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// The per-user limit (Conversation:MaxMessagesPerMinute, higher for staff): past it the sender is told once, the rest
/// of the minute is recorded as dropped, neither processed nor answered.
/// </summary>
public sealed class ThrottleTests
{
    [Fact]
    public async Task Past_the_limit_a_user_is_told_once_and_the_rest_is_dropped_unanswered()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api, new Dictionary<string, string?>
        {
            ["Conversation:MaxMessagesPerMinute"] = "3",
            ["Conversation:MaxMessagesPerMinuteStaff"] = "6",
        });
        for (var i = 0; i < 6; i++) api.EnqueueMessage(7501, $"/tanya anak SD dapat berapa {i}");
        api.EnqueueMessage(7502, "/bantuan");   // someone else is not affected

        await api.WaitForSentAsync(s => s.ChatId == 7502);
        await api.WaitUntilAsync(() => api.SentTo(7501).Count >= 4, TimeSpan.FromSeconds(30), "three answers and the notice");
        var inbox = await WaitAllFinishedAsync(worker, 7);

        var sent = api.SentTo(7501);
        Assert.Equal(4, sent.Count);
        Assert.Equal(1, sent.Count(s => s.Text!.Contains("terlalu banyak", StringComparison.Ordinal)));
        Assert.Equal(4, inbox.Count(i => i.Status == InboxStatus.Done));   // three answered + the other user's
        Assert.Equal(3, inbox.Count(i => i.Status == InboxStatus.Dropped));
        Assert.All(inbox, i => Assert.Equal("", i.Payload));
        // Nothing of the dropped ones waits to be sent later.
        Assert.Equal(4, await worker.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 7501)));
    }

    [Fact]
    public async Task Staff_get_the_higher_limit()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Conversation:MaxMessagesPerMinute"] = "2",
            ["Conversation:MaxMessagesPerMinuteStaff"] = "4",
        });
        var data = new ReportingData(app);
        var chat = await data.PendampingChatAsync(7503, await data.PendampingAsync("P001"));
        var kpm = new ChatDriver(app, 7504);

        var staff = new List<string>();
        for (var i = 0; i < 6; i++) staff.Add((await chat.SendAsync("/bantuan")).Text);
        var public_ = new List<string>();
        for (var i = 0; i < 4; i++) public_.Add((await kpm.SendAsync("/bantuan")).Text);

        Assert.All(staff.Take(4), t => Assert.Contains("/lapor", t));
        Assert.Contains("terlalu banyak", staff[4]);
        Assert.Equal("", staff[5]);
        Assert.All(public_.Take(2), t => Assert.Contains("/bantuan", t));
        Assert.Contains("terlalu banyak", public_[2]);
        Assert.Equal("", public_[3]);

        // A minute later the window starts again.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("/bantuan", (await kpm.SendAsync("/bantuan")).Text);
    }

    private static async Task<List<InboxUpdate>> WaitAllFinishedAsync(TelegramWorker worker, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            var inbox = await worker.InboxAsync();
            if (inbox.Count >= count && inbox.All(x => x.Status != InboxStatus.Pending)) return inbox;
            await Task.Delay(100);
        }
        throw new TimeoutException("the inbox did not finish");
    }
}
