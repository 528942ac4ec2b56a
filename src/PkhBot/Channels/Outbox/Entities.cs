namespace PkhBot.Channels.Outbox;

public enum OutboxKind
{
    /// <summary>An answer to the user's own message: delivered at once, even in quiet hours or when opted out.</summary>
    Reply = 0,
    Nudge = 1,
    Announcement = 2,
    /// <summary>answerCallbackQuery (stops the spinner on a pressed button).</summary>
    CallbackAnswer = 3,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Telegram said 403 (blocked the bot) or the chat is gone: never retried.</summary>
    Unreachable = 2,
    /// <summary>Telegram rejected it for good (400) or retries ran out.</summary>
    Failed = 3,
}

public enum AttachmentKind
{
    None = 0,
    Photo = 1,
    Document = 2,
}

/// <summary>
/// An outgoing message, written in the same transaction as the change that caused it and
/// delivered by the sender within Telegram's limits.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>"telegram" or "console".</summary>
    public string Channel { get; set; } = "telegram";
    public long ChatId { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary>Telegram HTML (see <c>Conversation.Html</c>); user data inside is already escaped.</summary>
    public string Text { get; set; } = "";
    /// <summary>Serialized <c>Conversation.Keyboard</c>, or null.</summary>
    public string? KeyboardJson { get; set; }
    public AttachmentKind AttachmentKind { get; set; }
    public string? AttachmentName { get; set; }
    public byte[]? Attachment { get; set; }
    public string? CallbackQueryId { get; set; }
    /// <summary>When set, the sender edits this message instead of sending a new one.</summary>
    public int? EditMessageId { get; set; }
    public int? AnnouncementId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not delivered before this instant (quiet hours, retry back-off, retry_after).</summary>
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int? TelegramMessageId { get; set; }
    public string? LastError { get; set; }
    /// <summary>Lease so that several instances never send the same row.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
}
