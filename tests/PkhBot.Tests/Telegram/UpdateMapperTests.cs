using System.Text.Json;
using PkhBot.Channels.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PkhBot.Tests.Telegram;

public sealed class UpdateMapperTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 17, 1, 0, 0, TimeSpan.Zero);

    // The bot's own contract (TelegramSetup), on a copy: Telegram.Bot's shared options may already be frozen here.
    private static readonly JsonSerializerOptions Json = new(JsonBotAPI.Options) { TypeInfoResolver = TelegramSetup.JsonContract() };

    private static Update Parse(string json) => JsonSerializer.Deserialize<Update>(json, Json)!;

    private const string User = """{"id":42,"is_bot":false,"first_name":"Siti","last_name":"Aminah"}""";

    [Fact]
    public void A_text_message_becomes_an_incoming_with_user_chat_time_and_name()
    {
        var u = Parse($$$$"""{"update_id":7,"message":{"message_id":10,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{{{{User}}}},"text":"/lapor@pkh_bot 12 usaha"}}""");

        var m = UpdateMapper.ToIncoming(u, Now)!;

        Assert.Equal("telegram", m.Channel);
        Assert.Equal(7, m.UpdateId);
        Assert.Equal(42, m.UserId);
        Assert.Equal(42, m.ChatId);
        Assert.Equal("private", m.ChatType);
        Assert.Equal("Siti Aminah", m.DisplayName);
        Assert.Equal("lapor", m.Command);
        Assert.Equal("12 usaha", m.Args);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), m.SentAt);
    }

    [Fact]
    public void A_button_press_carries_its_data_query_id_and_message()
    {
        var u = Parse($$$$"""{"update_id":8,"callback_query":{"id":"cbq1","from":{{{{User}}}},"chat_instance":"ci","data":"lapor:hh:5","message":{"message_id":99,"date":1700000000,"chat":{"id":-100777,"type":"supergroup"},"text":"x"}}}""");

        var m = UpdateMapper.ToIncoming(u, Now)!;

        Assert.True(m.IsCallback);
        Assert.Equal("lapor:hh:5", m.CallbackData);
        Assert.Equal("cbq1", m.CallbackQueryId);
        Assert.Equal(99, m.CallbackMessageId);
        Assert.Equal(-100777, m.ChatId);
        Assert.Equal("supergroup", m.ChatType);
        Assert.Equal(Now, m.SentAt);
    }

    [Fact]
    public void Contact_location_and_the_largest_photo_with_its_caption_are_kept()
    {
        var contact = UpdateMapper.ToIncoming(Parse($$$$"""{"update_id":1,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{{{{User}}}},"contact":{"phone_number":"+6281234567890","first_name":"Siti","user_id":42}}}"""), Now)!;
        var location = UpdateMapper.ToIncoming(Parse($$$$"""{"update_id":2,"message":{"message_id":2,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{{{{User}}}},"location":{"latitude":-7.15,"longitude":111.88}}}"""), Now)!;
        var photo = UpdateMapper.ToIncoming(Parse($$$$"""{"update_id":3,"message":{"message_id":3,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{{{{User}}}},"caption":"rumah KPM","photo":[{"file_id":"small","file_unique_id":"a","width":90,"height":90},{"file_id":"big","file_unique_id":"b","width":1280,"height":960},{"file_id":"mid","file_unique_id":"c","width":320,"height":240}]}}"""), Now)!;

        Assert.Equal("+6281234567890", contact.Contact!.PhoneNumber);
        Assert.Equal(42, contact.Contact.UserId);
        Assert.Equal(-7.15, location.Location!.Latitude, 3);
        Assert.Equal(111.88, location.Location.Longitude, 3);
        Assert.Equal("big", photo.PhotoFileId);
        Assert.Equal("rumah KPM", photo.Text);
    }

    [Fact]
    public void Updates_the_bot_does_not_handle_map_to_nothing()
    {
        var channelPost = Parse("""{"update_id":4,"channel_post":{"message_id":1,"date":1700000000,"chat":{"id":-1001,"type":"channel"},"text":"halo"}}""");
        var noSender = Parse("""{"update_id":5,"message":{"message_id":1,"date":1700000000,"chat":{"id":-1001,"type":"channel"},"text":"halo"}}""");

        Assert.Null(UpdateMapper.ToIncoming(channelPost, Now));
        Assert.Null(UpdateMapper.ToIncoming(noSender, Now));
    }

    [Fact]
    public void An_update_stored_in_the_inbox_reads_back_to_the_same_message()
    {
        var u = Parse($$$$"""{"update_id":9,"message":{"message_id":3,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{{{{User}}}},"caption":"rumah","photo":[{"file_id":"big","file_unique_id":"b","width":1280,"height":960}],"location":{"latitude":-7.15,"longitude":111.88}}}""");

        var stored = JsonSerializer.Serialize(u, Json);
        var back = UpdateMapper.ToIncoming(Parse(stored), Now)!;

        Assert.Equal(UpdateMapper.ToIncoming(u, Now), back);
    }

    [Fact]
    public void A_message_full_of_fields_the_bot_does_not_read_still_maps_and_is_stored_without_them()
    {
        var u = Parse($$$$"""
            {"update_id":11,"message":{"message_id":5,"message_thread_id":2,"date":1700000000,
            "chat":{"id":-100555,"type":"supergroup","title":"PKH Dander","is_forum":true},"from":{{{{User}}}},
            "text":"/lapor 12 hadir","entities":[{"type":"bot_command","offset":0,"length":6}],
            "reply_to_message":{"message_id":4,"date":1699999000,"chat":{"id":-100555,"type":"supergroup"},
              "from":{"id":77,"is_bot":false,"first_name":"Budi"},"text":"NIK 3522011234567890, HP 081234567890",
              "sticker":{"file_id":"s","file_unique_id":"su","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}},
            "forward_origin":{"type":"user","date":1699990000,"sender_user":{"id":78,"is_bot":false,"first_name":"Sri"}},
            "link_preview_options":{"is_disabled":true},"has_protected_content":true,"via_bot":{"id":9,"is_bot":true,"first_name":"x"},
            "reply_markup":{"inline_keyboard":[[{"text":"Ya","callback_data":"y"}]]}}}
            """);

        var m = UpdateMapper.ToIncoming(u, Now)!;
        var stored = JsonSerializer.Serialize(u, Json);

        Assert.Equal(("lapor", "12 hadir", -100555L, 42L), (m.Command, m.Args, m.ChatId, m.UserId));
        Assert.Equal("supergroup", m.ChatType);
        // The inbox keeps what the bot reads: not another member's quoted message with its NIK and phone number.
        Assert.DoesNotContain("3522011234567890", stored);
        Assert.DoesNotContain("reply_to_message", stored);
        Assert.Equal(m, UpdateMapper.ToIncoming(Parse(stored), Now));
    }

    [Fact]
    public void Update_kinds_the_bot_never_asks_Telegram_for_are_read_and_ignored()
    {
        var poll = Parse("""{"update_id":12,"poll":{"id":"p1","question":"Hadir?","options":[{"text":"Ya","voter_count":1}],"total_voter_count":1,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}}""");
        var inline = Parse($$$$"""{"update_id":13,"inline_query":{"id":"q","from":{{{{User}}}},"query":"pkh","offset":""}}""");

        Assert.Equal((12, 13), (poll.Id, inline.Id));
        Assert.Null(UpdateMapper.ToIncoming(poll, Now));
        Assert.Null(UpdateMapper.ToIncoming(inline, Now));
    }
}
