using PkhBot.Channels.Outbox;
using PkhBot.Conversation;

namespace PkhBot.Tests.Conversation;

/// <summary>Telegram's limits checked where a reply is made, not discovered when Telegram refuses it.</summary>
public sealed class TelegramLimitsTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Callback_data_of_64_bytes_is_taken_and_of_65_refused_when_the_button_is_made()
    {
        Assert.Equal(64, Button.Callback("Buka", new string('a', 64)).Data!.Length);
        var ex = Assert.Throws<ArgumentException>(() => Button.Callback("Buka", new string('a', 65)));
        Assert.Contains("64", ex.Message);
        // Bytes, not characters: 22 three-byte characters are 66 bytes.
        Assert.Throws<ArgumentException>(() => Button.Callback("Buka", new string('€', 22)));
        Assert.Throws<ArgumentException>(() => new Button("Buka", new string('a', 65)));
    }

    [Fact]
    public void A_link_buttons_url_is_not_callback_data()
        => Assert.NotNull(Button.Link("Buka", "https://t.me/pkh_test_bot?start=" + new string('a', 100)).Data);

    [Fact]
    public void The_longest_callback_data_the_features_build_fits()
    {
        // The formats with variable parts ("kpm:l:PAGE:FILTER", "lf:start:ID", "handoff:tidak:ID", ...) at their largest values.
        foreach (var data in new[] { $"kpm:l:{int.MaxValue}:d{int.MaxValue}", $"handoff:tidak:{int.MaxValue}", $"lf:start:{int.MaxValue}", $"umk:kec:{int.MaxValue}" })
            Assert.Equal(data, Button.Callback("x", data).Data);
    }

    [Theory]
    [InlineData(AttachmentKind.Document, 50_000_000, true)]
    [InlineData(AttachmentKind.Document, 50_000_001, false)]
    [InlineData(AttachmentKind.Photo, 10_000_000, true)]
    [InlineData(AttachmentKind.Photo, 10_000_001, false)]
    public void A_file_larger_than_telegram_takes_is_refused_with_a_message_when_queued(AttachmentKind kind, int bytes, bool kept)
    {
        var reply = new Reply("Berikut data KPM.") { Attachment = new ReplyAttachment(kind, "kpm-20251117.xlsx", new byte[bytes]) };

        var m = OutboxMessageFactory.Create("telegram", 42, reply, OutboxKind.Reply, Now);

        if (kept)
        {
            Assert.Equal(bytes, m.Attachment!.Length);
            Assert.Equal("Berikut data KPM.", m.Text);
            return;
        }
        Assert.Null(m.Attachment);
        Assert.Equal(AttachmentKind.None, m.AttachmentKind);
        Assert.Contains("terlalu besar", m.Text);
        Assert.Contains("kpm-20251117.xlsx", m.Text);
    }
}
