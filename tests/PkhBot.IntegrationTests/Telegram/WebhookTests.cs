using PkhBot.Bench;
using System.Net;
using System.Text;
using PkhBot.Channels.Telegram;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>Two webhook instances behind one proxy, sharing one SQLite file, as Telegram retries updates between them.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "rahasia-Webhook_123-panjangnya-32-lebih";
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.contoh.id/telegram/webhook",
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:SetCommandMenus"] = "false",
    };

    private readonly HttpClient _http = new();
    private FakeBotApi _api = null!;
    private TelegramWorker _a = null!;
    private TelegramWorker _b = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _a = await TelegramWorker.StartAsync(_api, Settings);
        _b = await TelegramWorker.StartAsync(_api, Settings, _a.DatabaseFile);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _api.DisposeAsync();
        _http.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(TelegramWorker host, string json, string? secret)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, host.App.App.Urls.First() + "/telegram/webhook")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) req.Headers.Add(TelegramWebhook.SecretHeader, secret);
        return _http.SendAsync(req);
    }

    [Fact]
    public async Task The_webhook_is_registered_with_the_secret_at_start()
    {
        await _api.WaitUntilAsync(() => _api.CountCalls("setWebhook", 200) >= 2);
        Assert.Equal(0, _api.CountCalls("getUpdates", 200));
    }

    [Fact]
    public async Task Requests_without_the_right_secret_are_rejected_and_not_processed()
    {
        var json = _api.NewMessageUpdateJson(900_001, "/bantuan");

        var missing = await PostAsync(_a, json, null);
        var wrong = await PostAsync(_a, json, "tebakan");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Empty(await _a.InboxAsync());
    }

    [Fact]
    public async Task An_update_with_the_right_secret_is_answered()
    {
        var response = await PostAsync(_a, _api.NewMessageUpdateJson(900_002, "/bantuan"), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _api.WaitForSentAsync(s => s.ChatId == 900_002);
        Assert.Contains("/bantuan", reply.Text);
    }

    [Fact]
    public async Task The_same_update_posted_to_two_instances_is_processed_once()
    {
        var json = _api.NewMessageUpdateJson(900_003, "/bantuan");

        var both = await Task.WhenAll(PostAsync(_a, json, Secret), PostAsync(_b, json, Secret), PostAsync(_a, json, Secret));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _api.WaitForSentAsync(s => s.ChatId == 900_003);
        // A barrier: a later update to the same pair of hosts, answered after the first one.
        await PostAsync(_b, _api.NewMessageUpdateJson(900_004, "/bantuan"), Secret);
        await _api.WaitForSentAsync(s => s.ChatId == 900_004);

        Assert.Single(_api.SentTo(900_003));
        Assert.Single(await _a.OutboxAsync(), m => m.ChatId == 900_003);
        var updateId = System.Text.Json.Nodes.JsonNode.Parse(json)!["update_id"]!.GetValue<long>();
        var row = Assert.Single(await _a.InboxAsync(), i => i.UpdateId == updateId);
        Assert.Equal(InboxStatus.Done, row.Status);
        Assert.Equal("", row.Payload);   // processed: only the id and status are kept
    }

    [Fact]
    public async Task A_posted_update_is_stored_as_the_bot_reads_it_not_with_the_message_it_quotes()
    {
        var json = """
            {"update_id":900005,"message":{"message_id":7,"date":1700000000,"chat":{"id":900005,"type":"private"},
            "from":{"id":900005,"is_bot":false,"first_name":"Ani"},"text":"/bantuan",
            "reply_to_message":{"message_id":6,"date":1699999000,"chat":{"id":900005,"type":"private"},
            "from":{"id":900005,"is_bot":false,"first_name":"Ani"},"text":"NIK saya 3522011234567890"}}}
            """;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_a, json, Secret)).StatusCode);
        await _api.WaitForSentAsync(s => s.ChatId == 900_005);

        // While it waits, the row holds what the bot reads (not the quoted message); once processed, nothing but its id.
        var stored = TelegramInbox.StoredPayload(System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Update>(json, global::Telegram.Bot.JsonBotAPI.Options)!);
        Assert.Contains("/bantuan", stored);
        Assert.DoesNotContain("3522011234567890", stored);
        var row = Assert.Single(await _a.InboxAsync(), i => i.UpdateId == 900005);
        Assert.Equal(InboxStatus.Done, row.Status);
        Assert.Equal("", row.Payload);
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_a_bad_request()
    {
        var response = await PostAsync(_a, "{\"hello\":1}", Secret);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
