using PkhBot.Bench;
using PkhBot.Channels.Outbox;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>Several instances on one database (the webhook scale-out path): a chat is paced as if there were one.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramWorker _first = null!, _second = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        var settings = new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" };
        _first = await TelegramWorker.StartAsync(_api, settings);
        _second = await TelegramWorker.StartAsync(_api, settings, databaseFile: _first.DatabaseFile);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_answering_one_chat_keep_to_one_message_a_second_and_its_order()
    {
        const long chat = 750_001;
        // The user's messages reach both instances in turn (a load balancer); each queues its answer and wakes its own sender.
        for (var i = 1; i <= 17; i++)
        {
            await (i % 2 == 1 ? _first : _second).QueueAsync(chat, $"Balasan {i}", OutboxKind.Reply);
            await Task.Delay(300);
        }

        await _api.WaitForSentCountAsync(s => s.ChatId == chat, 17, TimeSpan.FromSeconds(60));

        Assert.Equal(0, _api.CountCalls("sendMessage", 429));
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"Balasan {i}"), _api.SentTo(chat).Select(s => s.Text));
    }
}
