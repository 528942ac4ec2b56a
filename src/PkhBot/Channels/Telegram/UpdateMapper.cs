using System.Text.Json.Serialization.Metadata;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using PkhBot.Conversation;

namespace PkhBot.Channels.Telegram;

/// <summary>The only place that turns a Telegram <see cref="Update"/> into the channel-free <see cref="Incoming"/>.</summary>
public static class UpdateMapper
{
    public const string Channel = "telegram";

    /// <summary>Null for what the bot does not handle (channel posts, messages without a sender, other update types).</summary>
    public static Incoming? ToIncoming(Update update, DateTimeOffset receivedAt)
    {
        switch (update)
        {
            case { Message: { From: { } from } msg }:
                var photo = msg.Photo is { Length: > 0 } sizes
                    ? sizes.OrderByDescending(p => (long)p.Width * p.Height).ThenByDescending(p => p.FileSize ?? 0).First().FileId
                    : null;
                return new Incoming
                {
                    Channel = Channel,
                    UpdateId = update.Id,
                    UserId = from.Id,
                    ChatId = msg.Chat.Id,
                    ChatType = ChatTypeName(msg.Chat.Type),
                    DisplayName = DisplayName(from),
                    Text = msg.Text ?? msg.Caption,
                    Contact = msg.Contact is { } c ? new SharedContact(c.PhoneNumber, c.UserId) : null,
                    Location = msg.Location is { } l ? new GeoPoint(l.Latitude, l.Longitude) : null,
                    PhotoFileId = photo,
                    SentAt = msg.Date == default ? receivedAt : new DateTimeOffset(DateTime.SpecifyKind(msg.Date, DateTimeKind.Utc)),
                };
            case { CallbackQuery: { } cq }:
                return new Incoming
                {
                    Channel = Channel,
                    UpdateId = update.Id,
                    UserId = cq.From.Id,
                    ChatId = cq.Message?.Chat.Id ?? cq.From.Id,
                    ChatType = cq.Message is { } m ? ChatTypeName(m.Chat.Type) : "private",
                    DisplayName = DisplayName(cq.From),
                    // A game button has no data: route it like any unknown button (a short "not valid" answer).
                    CallbackData = cq.Data ?? "",
                    CallbackQueryId = cq.Id,
                    CallbackMessageId = cq.Message?.Id is int id and > 0 ? id : null,
                    SentAt = receivedAt,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// Masks every NIK in what a person typed (text, caption; the pressed message's text too), in place, before the update
    /// is stored or mapped: past this point no NIK exists anywhere (database, logs, an LLM, a forwarded question).
    /// </summary>
    public static void MaskNiks(Update update)
    {
        if (update.Message is { } m) MaskNiks(m);
        if (update.CallbackQuery?.Message is { } pressed) MaskNiks(pressed);
    }

    private static void MaskNiks(Message m)
    {
        if (m.Text is { } text) m.Text = Privacy.Mask.Niks(text);
        if (m.Caption is { } caption) m.Caption = Privacy.Mask.Niks(caption);
    }

    private static readonly HashSet<string> UpdateFields = ["update_id", "message", "callback_query"];
    private static readonly HashSet<string> MessageFields = ["message_id", "from", "chat", "date", "text", "caption", "contact", "location", "photo"];

    /// <summary>
    /// Telegram's updates and messages are read into the fields <see cref="ToIncoming"/> reads (and a sent message's
    /// id), nothing else. The bot asks Telegram for messages and button presses only (TelegramPoller.AllowedUpdates),
    /// and the contract of Message's ~90 other fields, with the polls, stickers, gifts and payments beneath them, was
    /// built at the first getUpdates answer and kept for good (the idle memory it cost: tests/PkhBot.Bench/README.md).
    /// Fields not kept are skipped like any unknown field. A new field read here must be added to these sets;
    /// until it is, it reads as null (UpdateMapperTests parse every field the mapper reads from JSON).
    /// </summary>
    internal static void KeepReadFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var keep = info.Type == typeof(Update) ? UpdateFields : info.Type == typeof(Message) ? MessageFields : null;
        if (keep is null) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (!keep.Contains(info.Properties[i].Name)) info.Properties.RemoveAt(i);
    }

    public static string ChatTypeName(ChatType type) => type switch
    {
        ChatType.Private => "private",
        ChatType.Group => "group",
        ChatType.Supergroup => "supergroup",
        ChatType.Channel => "channel",
        _ => "private",
    };

    private static string DisplayName(User u)
    {
        var name = string.IsNullOrWhiteSpace(u.LastName) ? u.FirstName : $"{u.FirstName} {u.LastName}";
        return string.IsNullOrWhiteSpace(name) ? u.Username ?? "" : name.Trim();
    }
}
