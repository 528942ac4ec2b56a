namespace PkhBot.Conversation;

public enum InboxStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
    /// <summary>Over the sender's per-minute limit: recorded (for exactly-once and /metrics), not processed.</summary>
    Dropped = 3,
}

/// <summary>
/// Every Telegram update is stored here before it is processed: a redelivered update id is a no-op,
/// and an update whose processing failed is retried instead of vanishing. Owned by the Telegram channel
/// (Channels/Telegram/TelegramInbox); the payload is masked before it is stored and cleared once processed.
/// </summary>
public sealed class InboxUpdate
{
    public long UpdateId { get; set; }
    public required string Payload { get; set; }
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A half-done guided flow, so a restart does not lose it.</summary>
public sealed class FlowState
{
    public int Id { get; set; }
    public long UserId { get; set; }
    public required string Flow { get; set; }
    public required string Step { get; set; }
    public string DataJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
