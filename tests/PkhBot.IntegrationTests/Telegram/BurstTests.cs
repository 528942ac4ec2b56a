using PkhBot.Bench;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Telegram;

public sealed class BurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_burst_of_160_messages_from_20_users_is_answered_exactly_once_in_order_within_telegrams_limits()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" });
        var users = Enumerable.Range(0, 20).Select(i => 810_000L + i).ToList();
        var sw = Stopwatch.StartNew();
        for (var round = 0; round < 8; round++)
            foreach (var u in users) api.EnqueueMessage(u, round % 2 == 0 ? "/bantuan" : $"/perintah{round}");

        await api.WaitForSentCountAsync(s => users.Contains(s.ChatId), 160, TimeSpan.FromSeconds(60));
        output.WriteLine($"160 updates from 20 users answered in {sw.ElapsedMilliseconds} ms; 429s: {api.Calls.Count(c => c.Status == 429)} ({api.LastRateLimit})");

        Assert.All(users, u => Assert.Equal(8, api.SentTo(u).Count));
        Assert.Equal(0, api.Calls.Count(c => c.Status == 429));
        // Each user's answers arrive in the order they asked.
        Assert.All(users, u => Assert.Equal(
            Enumerable.Range(0, 8).Select(r => r % 2 == 0 ? "bantuan" : $"perintah{r}"),
            api.SentTo(u).Select(s => s.Text!.Contains("tidak dikenal") ? s.Text.Split(' ')[1].TrimStart('/') : "bantuan")));
        Assert.Equal(160, await worker.App.WithDbAsync(db => db.Inbox.CountAsync(i => i.Status == InboxStatus.Done)));
    }

    [Fact]
    public async Task A_message_held_by_an_instance_that_died_is_sent_once_its_lease_runs_out()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" });
        var now = TimeProvider.System.GetUtcNow();
        await worker.App.WithDbAsync(async db =>
        {
            var orphan = OutboxMessageFactory.Create("telegram", 820_001, new Reply("Yatim"), OutboxKind.Reply, now);
            orphan.LockedBy = "host-that-was-killed";
            orphan.LockedUntil = now.AddSeconds(1);
            var held = OutboxMessageFactory.Create("telegram", 820_002, new Reply("Dipegang"), OutboxKind.Reply, now);
            held.LockedBy = "host-still-alive";
            held.LockedUntil = now.AddMinutes(5);
            db.Outbox.AddRange(orphan, held);
            await db.SaveChangesAsync();
        });

        await api.WaitForSentAsync(s => s.ChatId == 820_001);
        await worker.QueueAsync(820_003, "Sesudahnya", OutboxKind.Reply);   // a barrier: sent after at least one more claim
        await api.WaitForSentAsync(s => s.ChatId == 820_003);

        Assert.Single(api.SentTo(820_001));
        Assert.Empty(api.SentTo(820_002));
    }
}
