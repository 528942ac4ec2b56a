using System.Text.Json;
using PkhBot.Conversation;

namespace PkhBot.Channels.Outbox;

public static class OutboxMessageFactory
{
    public static OutboxMessage Create(string channel, long chatId, Reply reply, OutboxKind kind, DateTimeOffset now, DateTimeOffset? notBefore = null)
        => new()
        {
            Channel = channel,
            ChatId = chatId,
            Kind = kind,
            // Defence in depth (UU PDP): a NIK or mobile number never leaves whole, even when a handler echoes user input.
            // Announcements are exempt: a coordinator may publish an office number on purpose.
            Text = Html.Truncate(kind == OutboxKind.Announcement ? reply.Html : Privacy.Mask.Text(reply.Html), reply.Attachment is null ? 4000 : 1000),
            KeyboardJson = reply.Keyboard is null ? null : JsonSerializer.Serialize(reply.Keyboard),
            AttachmentKind = reply.Attachment?.Kind ?? AttachmentKind.None,
            AttachmentName = reply.Attachment?.FileName,
            Attachment = reply.Attachment?.Content,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NotBefore = notBefore ?? now,
        };

    public static Keyboard? ReadKeyboard(OutboxMessage m)
        => m.KeyboardJson is null ? null : JsonSerializer.Deserialize<Keyboard>(m.KeyboardJson);
}
