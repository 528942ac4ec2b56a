using PkhBot.Bench;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

public sealed class RestartTests
{
    [Fact]
    public async Task A_host_stopped_mid_burst_and_started_again_answers_every_message_exactly_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        var users = Enumerable.Range(0, 20).Select(i => 800_000L + i).ToList();
        var updates = new List<long>();
        foreach (var round in new[] { 1, 2 })
            foreach (var u in users) updates.Add(api.EnqueueMessage(u, round == 1 ? "/bantuan" : $"/tidakada{round}"));

        await using var first = await TelegramWorker.StartAsync(api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" });
        // Disposed before `first`, which owns (and deletes) the database file.
        await using var second = await RunUntilStoppedAsync();

        await api.WaitForSentCountAsync(s => users.Contains(s.ChatId), updates.Count, TimeSpan.FromSeconds(60));
        await api.WaitUntilAsync(() => second.OutboxAsync().Result.All(m => m.Status == OutboxStatus.Sent));

        Assert.All(users, u => Assert.Equal(2, api.SentTo(u).Count));
        var inbox = await second.InboxAsync();
        Assert.Equal(updates.Order(), inbox.Select(i => i.UpdateId));
        Assert.All(inbox, i => Assert.Equal(InboxStatus.Done, i.Status));
        Assert.Equal(updates.Count, (await second.OutboxAsync()).Count);

        async Task<TelegramWorker> RunUntilStoppedAsync()
        {
            // Stop in the middle: some updates answered, some only stored, some still at Telegram.
            await api.WaitForSentCountAsync(s => users.Contains(s.ChatId), 3, TimeSpan.FromSeconds(30));
            await first.StopAsync();
            Assert.True(api.Sent.Count(s => users.Contains(s.ChatId)) < updates.Count);
            return await TelegramWorker.StartAsync(api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" }, first.DatabaseFile);
        }
    }
}
