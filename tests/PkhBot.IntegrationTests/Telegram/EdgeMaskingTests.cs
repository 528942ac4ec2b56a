using System.Text;
using global::Telegram.Bot.Types;
using PkhBot.Bench;
using PkhBot.Channels.Telegram;
using PkhBot.Conversation;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// A NIK typed in a message is masked at the channel's edge, before the update is first written: the database files
/// (with their -wal) never hold it, and a processed update keeps no payload at all.
/// </summary>
public sealed class EdgeMaskingTests
{
    private const string Nik = "3522015508870001";

    [Fact]
    public async Task A_nik_typed_in_groups_never_reaches_the_database_files()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api);

        api.EnqueueMessage(7601, "NIK saya 3522 0155 0887 0001, bantuan belum cair kapan?");
        api.EnqueueMessage(7602, "nik istri 35.22.01.550887.0001 dan 3522-0155-0887-0001 ya");
        api.EnqueueMessage(7603, $"/tanya nik {Nik} kapan cair");
        foreach (var user in new long[] { 7601, 7602, 7603 }) await api.WaitForSentAsync(s => s.ChatId == user);
        var inbox = await worker.InboxAsync();
        await worker.StopAsync();

        Assert.All(inbox, i => Assert.Equal(InboxStatus.Done, i.Status));
        Assert.All(inbox, i => Assert.Equal("", i.Payload));
        foreach (var suffix in new[] { "", "-wal" })
        {
            var path = worker.DatabaseFile + suffix;
            if (!File.Exists(path)) continue;
            byte[] bytes;
            using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[f.Length];
                f.ReadExactly(bytes);
            }
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var form in new[] { Nik, "3522 0155 0887 0001", "35.22.01.550887.0001", "3522-0155-0887-0001", "550887" })
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"{form} found in {Path.GetFileName(path)}");
        }
        // The users still got their answers (the masked text was processed).
        Assert.All(new long[] { 7601, 7602, 7603 }, u => Assert.NotEmpty(api.SentTo(u)));
    }

    [Fact]
    public void The_stored_payload_has_no_nik_and_no_whole_shared_phone_but_processing_keeps_the_phone()
    {
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 5, Date = DateTime.UtcNow, Chat = new Chat { Id = 42, Type = global::Telegram.Bot.Types.Enums.ChatType.Private },
                From = new User { Id = 42, FirstName = "Ani" }, Caption = $"foto KK {Nik}",
                Contact = new Contact { PhoneNumber = "081234567890", FirstName = "Ani", UserId = 42 },
            },
        };

        var payload = TelegramInbox.StoredPayload(update);

        Assert.DoesNotContain(Nik, payload);
        Assert.DoesNotContain("081234567890", payload);
        Assert.Contains("0001", payload);
        var incoming = UpdateMapper.ToIncoming(update, DateTimeOffset.UtcNow)!;
        Assert.Equal("081234567890", incoming.Contact!.PhoneNumber);   // in memory, for the phone check
        Assert.DoesNotContain(Nik, incoming.Text);
    }
}
