using System.Text.Json;
using PkhBot.Conversation;

namespace PkhBot.Channels.Outbox;

public static class OutboxMessageFactory
{
    /// <summary>Telegram's upload limits (Bot API: 50 MB for files, 10 MB for photos), counted in decimal megabytes.</summary>
    public const long MaxDocumentBytes = 50_000_000, MaxPhotoBytes = 10_000_000;

    /// <summary>What is kept of a message's text: Telegram allows 4,096 characters, and 1,024 in a photo's or document's caption.</summary>
    public const int MaxTextChars = 4000, MaxCaptionChars = 1000;

    public static long MaxAttachmentBytes(AttachmentKind kind) => kind == AttachmentKind.Photo ? MaxPhotoBytes : MaxDocumentBytes;

    public static OutboxMessage Create(string channel, long chatId, Reply reply, OutboxKind kind, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        // A file Telegram would refuse is refused here, where the user can still be told, not silently at delivery.
        if (reply.Attachment is { } a && a.Content.LongLength > MaxAttachmentBytes(a.Kind))
            reply = new Reply(OutboxTexts.AttachmentTooLarge(a.FileName, a.Content.LongLength, MaxAttachmentBytes(a.Kind)));
        return new()
        {
            Channel = channel,
            ChatId = chatId,
            Kind = kind,
            // Defence in depth (UU PDP): a NIK or mobile number never leaves whole, even when a handler echoes user input.
            // Announcements are exempt: a coordinator may publish an office number on purpose.
            Text = Html.Truncate(kind == OutboxKind.Announcement ? reply.Html : Privacy.Mask.Text(reply.Html), reply.Attachment is null ? MaxTextChars : MaxCaptionChars),
            KeyboardJson = reply.Keyboard is null ? null : JsonSerializer.Serialize(reply.Keyboard),
            AttachmentKind = reply.Attachment?.Kind ?? AttachmentKind.None,
            AttachmentName = reply.Attachment?.FileName,
            Attachment = reply.Attachment?.Content,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NotBefore = notBefore ?? now,
        };
    }

    public static Keyboard? ReadKeyboard(OutboxMessage m)
        => m.KeyboardJson is null ? null : JsonSerializer.Deserialize<Keyboard>(m.KeyboardJson);
}
