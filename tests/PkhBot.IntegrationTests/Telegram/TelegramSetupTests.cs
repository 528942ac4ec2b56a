using PkhBot.Bench;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

public sealed class TelegramSetupTests
{
    [Fact]
    public async Task The_worker_without_a_token_stops_with_one_clear_line_naming_the_setting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Telegram:BotToken"] = "" }, AppMode.Worker));
        var line = Assert.Single(ex.Failures);
        Assert.StartsWith("Telegram:BotToken belum diisi", line);
        Assert.Contains("Telegram__BotToken", line);
        Assert.DoesNotContain("\n", line);
    }

    [Fact]
    public async Task Webhook_mode_without_url_and_secret_names_both_settings()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = "bad secret!",
        }, AppMode.Worker));
        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("Telegram:WebhookUrl wajib"));
        Assert.Contains(ex.Failures, f => f.StartsWith("Telegram:WebhookSecret wajib"));
    }

    [Fact]
    public async Task A_webhook_secret_shorter_than_32_characters_is_refused_at_start_with_one_line()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.contoh.id/telegram/webhook",
            ["Telegram:WebhookSecret"] = "rahasia-Webhook_123",
        }, AppMode.Worker));

        var line = Assert.Single(ex.Failures);
        Assert.StartsWith("Telegram:WebhookSecret terlalu pendek (19 karakter): minimal 32", line);
        Assert.DoesNotContain("rahasia", line);
    }

    [Fact]
    public async Task Tool_verbs_run_without_a_token_and_keep_messages_queued()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        Assert.IsType<NoTelegramDrain>(scope.ServiceProvider.GetRequiredService<IOutboxDrain>());
    }

    [Fact]
    public async Task A_tool_verb_with_a_token_drains_the_outbox_within_the_limits()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Url,
        }, configure: b => b.Services.AddSingleton(TimeProvider.System));
        await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < 5; i++)
                db.Outbox.Add(OutboxMessageFactory.Create("telegram", 950_000 + i, new PkhBot.Conversation.Reply($"Pengumuman {i}"), OutboxKind.Announcement, now));
            db.Outbox.Add(OutboxMessageFactory.Create("telegram", 950_100, new PkhBot.Conversation.Reply("Nanti"), OutboxKind.Nudge, now, now.AddHours(1)));
            await db.SaveChangesAsync();
        });
        api.FailNext("sendMessage", 403);

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IOutboxDrain>().DrainAsync(CancellationToken.None);

        Assert.Equal(new DrainReport(Sent: 4, Unreachable: 1, Failed: 0, StillPending: 1), report);
        Assert.Equal(4, api.Sent.Count);
    }
}
