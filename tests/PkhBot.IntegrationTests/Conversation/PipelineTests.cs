using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Conversation;

public sealed class PipelineTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Unknown_command_gets_a_hint_not_silence()
    {
        var user = new ChatDriver(_app, 501);
        var r = await user.SendAsync("/terbang");
        Assert.Contains("tidak dikenal", r.Text);
        Assert.Contains("/bantuan", r.Text);
    }

    [Fact]
    public async Task Bantuan_lists_only_the_callers_own_commands()
    {
        var kpm = new ChatDriver(_app, 502);
        var r = await kpm.SendAsync("/bantuan");
        Assert.Contains("pengguna umum", r.Text);
        var listed = Listed(r.Text);
        Assert.Contains("bantuan", listed);
        Assert.Contains("tanya", listed);
        foreach (var staffOnly in new[] { "lapor", "kpm", "cari", "tindaklanjut", "p2k2", "graduasi", "rekap", "ekspor", "umumkan", "cekdata", "jawab" })
            Assert.DoesNotContain(staffOnly, listed);

        var data = new PkhBot.IntegrationTests.Reporting.ReportingData(_app);
        var pendamping = await data.PendampingChatAsync(505, await data.PendampingAsync("P505"));
        var own = Listed((await pendamping.SendAsync("/bantuan")).Text);
        Assert.Contains("lapor", own);
        Assert.Contains("p2k2", own);
        foreach (var coordinatorsOnly in new[] { "rekap", "ekspor", "umumkan", "cekdata" })
            Assert.DoesNotContain(coordinatorsOnly, own);
    }

    /// <summary>The command names /bantuan lists, one a line ("/name - description").</summary>
    private static List<string> Listed(string text)
        => text.Split('\n').Where(l => l.StartsWith('/')).Select(l => l[1..].Split(' ')[0]).ToList();

    [Fact]
    public async Task The_same_update_delivered_twice_is_processed_once()
    {
        // As the Telegram channel runs it: the update stored first, then processed with the inbox's ledger.
        var msg = new PkhBot.Conversation.Incoming { Channel = "telegram", UpdateId = 9_000_001, UserId = 503, ChatId = 503, Text = "/bantuan", SentAt = _app.Clock.GetUtcNow() };
        await _app.WithDbAsync(async db =>
        {
            db.Inbox.Add(new PkhBot.Conversation.InboxUpdate { UpdateId = 9_000_001, Payload = "{}", ReceivedAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var pipeline = _app.Services.GetRequiredService<PkhBot.Conversation.ConversationPipeline>();
        var ledger = _app.Services.GetRequiredService<PkhBot.Channels.Telegram.TelegramInboxLedger>();
        var first = await pipeline.ProcessAsync(msg, ledger, CancellationToken.None);
        var second = await pipeline.ProcessAsync(msg, ledger, CancellationToken.None);
        Assert.NotEmpty(first.Messages);
        Assert.True(second.Duplicate);
        Assert.Empty(second.Messages);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 503)));
    }

    [Fact]
    public async Task Empty_and_huge_messages_get_a_reply()
    {
        var user = new ChatDriver(_app, 504);
        Assert.NotEmpty((await user.SendAsync("")).Messages);
        var huge = await user.SendAsync(new string('x', 20_000));
        Assert.NotEmpty(huge.Messages);
        Assert.All(huge.Messages, m => Assert.True(m.Text.Length <= 4096));
    }

    [Fact]
    public async Task A_forged_button_gets_a_clear_answer()
    {
        var user = await new ChatDriver(_app, 505).AsAsync(Role.Kpm);
        var r = await user.PressAsync("tidakada:123");
        Assert.Contains("tidak berlaku", r.Text);
    }
}
