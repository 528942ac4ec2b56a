using PkhBot.Bench;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>The sender under volume: Telegram's limits kept, replies ahead of bulk messages.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_message_whose_buttons_telegram_refuses_still_arrives_as_text()
    {
        await _worker.App.WithDbAsync(async db =>
        {
            var reply = new Reply("Ada <b>2</b> KPM belum dilaporkan.") { Keyboard = Keyboard.Of([Button.Callback("Buka", "kpm:c:1")]) };
            db.Outbox.Add(OutboxMessageFactory.Create("telegram", 730_001, reply, OutboxKind.Nudge, TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        _api.FailNext("sendMessage", 400, description: "Bad Request: BUTTON_DATA_INVALID");
        _worker.App.Services.GetRequiredService<OutboxSignal>().Notify();

        var sent = await _api.WaitForSentAsync(s => s.ChatId == 730_001);

        Assert.Contains("<b>2</b> KPM belum dilaporkan", sent.Text);
        Assert.Null(sent.ReplyMarkup);
        Assert.Equal(1, _api.CountCalls("sendMessage", 400));
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.Single(m => m.ChatId == 730_001).Status == OutboxStatus.Sent);
    }

    [Fact]
    public async Task Two_hundred_nudges_to_two_hundred_chats_arrive_without_a_single_429()
    {
        await _worker.QueueAsync(700_000, "Pengingat: <b>3</b> laporan belum ditindaklanjuti.", OutboxKind.Nudge, count: 200);

        await _api.WaitForSentCountAsync(s => s.ChatId >= 700_000, 200, TimeSpan.FromSeconds(40));

        Assert.Equal(0, _api.Calls.Count(c => c.Status == 429));
        Assert.Equal(200, _api.Sent.Select(s => s.ChatId).Distinct().Count());
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.All(m => m.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task Many_messages_to_one_chat_arrive_in_order_within_its_limit()
    {
        for (var i = 1; i <= 8; i++) await _worker.QueueAsync(710_001, $"Pesan {i}", OutboxKind.Announcement);

        await _api.WaitForSentCountAsync(s => s.ChatId == 710_001, 8, TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"Pesan {i}"), _api.SentTo(710_001).Select(s => s.Text));
        Assert.Equal(0, _api.Calls.Count(c => c.Status == 429));
    }

    [Fact]
    public async Task A_message_that_reached_telegram_late_does_not_make_the_next_one_to_that_chat_a_429()
    {
        // A loaded machine or a slow link: the first call reaches Telegram (and is counted) 1.5 s after it left.
        _api.DelayNext("sendMessage", TimeSpan.FromMilliseconds(1500));
        await _worker.QueueAsync(740_001, "Pesan 1", OutboxKind.Reply);
        await _worker.QueueAsync(740_001, "Pesan 2", OutboxKind.Reply);

        await _api.WaitForSentCountAsync(s => s.ChatId == 740_001, 2, TimeSpan.FromSeconds(20));

        Assert.Equal(["Pesan 1", "Pesan 2"], _api.SentTo(740_001).Select(s => s.Text));
        Assert.Equal(0, _api.Calls.Count(c => c.Status == 429));
    }

    [Fact]
    public async Task A_users_own_answer_goes_ahead_of_nudges_queued_before_it()
    {
        // One transaction: 120 nudges, then a reply written after them. The sender must still send the reply first.
        await _worker.App.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 120; i++)
                db.Outbox.Add(OutboxMessageFactory.Create("telegram", 720_000 + i, new PkhBot.Conversation.Reply("Pengingat mingguan"), OutboxKind.Nudge, now));
            await db.SaveChangesAsync();
            db.Outbox.Add(OutboxMessageFactory.Create("telegram", 729_999, new PkhBot.Conversation.Reply("Jawaban untuk Anda"), OutboxKind.Reply, now));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        });
        await _api.WaitForSentAsync(s => s.ChatId == 729_999, TimeSpan.FromSeconds(30));

        var replyAt = _api.Sent.Select(s => s.ChatId).ToList().IndexOf(729_999);
        // Sends run a few at a time (MaxConcurrentSends), so at most the calls already in flight precede it.
        Assert.InRange(replyAt, 0, 8);
        await _api.WaitForSentCountAsync(s => s.ChatId >= 720_000, 121, TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task A_photo_and_a_document_are_uploaded_with_their_caption_and_buttons()
    {
        await _worker.App.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            db.Outbox.Add(OutboxMessageFactory.Create("telegram", 730_001,
                new PkhBot.Conversation.Reply("Grafik <b>minggu ini</b>")
                {
                    Attachment = new PkhBot.Conversation.ReplyAttachment(AttachmentKind.Photo, "grafik.png", [1, 2, 3]),
                    Keyboard = PkhBot.Conversation.Keyboard.Of([PkhBot.Conversation.Button.Callback("Detail", "grafik:1")]),
                }, OutboxKind.Reply, now));
            db.Outbox.Add(OutboxMessageFactory.Create("telegram", 730_001,
                new PkhBot.Conversation.Reply("Laporan") { Attachment = new PkhBot.Conversation.ReplyAttachment(AttachmentKind.Document, "laporan.csv", "a;b\n"u8.ToArray()) },
                OutboxKind.Reply, now));
            await db.SaveChangesAsync();
        });
        _worker.App.Services.GetRequiredService<OutboxSignal>().Notify();

        await _api.WaitForSentCountAsync(s => s.ChatId == 730_001, 2);

        var sent = _api.SentTo(730_001);
        Assert.Equal(["sendPhoto", "sendDocument"], sent.Select(s => s.Method));
        Assert.Equal("grafik.png", sent[0].FileName);
        Assert.Equal("Grafik <b>minggu ini</b>", sent[0].Text);
        Assert.Equal(["grafik:1"], sent[0].ButtonData);
        Assert.Equal("laporan.csv", sent[1].FileName);
        // Once delivered, the file is not kept in the outbox (an exported spreadsheet holds households' data).
        await _api.WaitUntilAsync(() => _worker.OutboxAsync().Result.Where(m => m.ChatId == 730_001).All(m => m.Status == OutboxStatus.Sent));
        Assert.All((await _worker.OutboxAsync()).Where(m => m.ChatId == 730_001), m => Assert.Null(m.Attachment));
    }
}
