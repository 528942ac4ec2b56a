using PkhBot.Bench;
using PkhBot.IntegrationTests.Reporting;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// A pendamping's Telegram group, end to end (real Telegram.Bot client, fake Bot API): household commands typed there
/// get the private-chat notice with a link to the bot, once, and nothing about any household; programme questions are
/// still answered in the group.
/// </summary>
public sealed class GroupChatTests : IAsyncLifetime
{
    private const long Group = -100_777_001;
    private const long Pendamping = 7301;
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api);
        var data = new ReportingData(_worker.App);
        var p1 = await data.PendampingAsync("P001");
        await data.HouseholdAsync(p1, "3522011234", "Siti Aminah");
        await data.PendampingChatAsync(Pendamping, p1);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Kpm_in_a_group_gets_the_private_chat_notice_once_with_a_link_and_no_household()
    {
        _api.EnqueueMessage(Pendamping, "/kpm 3522011234", chatId: Group, chatType: "supergroup");
        var notice = await _api.WaitForSentAsync(s => s.ChatId == Group);

        Assert.Contains("chat pribadi", notice.Text);
        Assert.Contains($"https://t.me/{FakeBotApi.BotUsername}?start=grup", notice.Text);
        Assert.DoesNotContain("Siti", notice.Text);
        Assert.DoesNotContain("Aminah", notice.Text);
        Assert.DoesNotContain("3522011234", notice.Text);

        // Again, and a report: no second notice (once per user and group in a while), nothing recorded; then a
        // programme question, which is answered in the group.
        _api.EnqueueMessage(Pendamping, "/kpm 3522011234", chatId: Group, chatType: "supergroup");
        _api.EnqueueMessage(Pendamping, "/lapor 3522011234 kunjungan rumah rapi", chatId: Group, chatType: "supergroup");
        _api.EnqueueMessage(Pendamping, "/tanya anak SD dapat berapa", chatId: Group, chatType: "supergroup");
        var answer = await _api.WaitForSentAsync(s => s.ChatId == Group && s.Text?.Contains("Sumber", StringComparison.Ordinal) == true);

        Assert.DoesNotContain("chat pribadi", answer.Text);
        Assert.Equal(2, _api.SentTo(Group).Count);
        Assert.All(_api.SentTo(Group), s => Assert.DoesNotContain("Siti", s.Text));
        Assert.Equal(0, await _worker.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Reports)));
        // The same command in the private chat works.
        _api.EnqueueMessage(Pendamping, "/kpm 3522011234");
        var card = await _api.WaitForSentAsync(s => s.ChatId == Pendamping);
        Assert.Contains("Siti Aminah", card.Text);
    }
}
