namespace PkhBot.Conversation;

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record SharedContact(string PhoneNumber, long? UserId);

/// <summary>
/// One message from any channel, already free of transport types: only Channels/Telegram knows <c>Update</c>.
/// </summary>
public sealed record Incoming
{
    /// <summary>"telegram" or "console".</summary>
    public required string Channel { get; init; }
    /// <summary>Telegram update id; null for the console channel (no redelivery there).</summary>
    public long? UpdateId { get; init; }
    public required long UserId { get; init; }
    public required long ChatId { get; init; }
    /// <summary>"private", "group", "supergroup" or "channel".</summary>
    public string ChatType { get; init; } = "private";
    public string? DisplayName { get; init; }
    public string? Text { get; init; }
    public string? CallbackData { get; init; }
    public string? CallbackQueryId { get; init; }
    /// <summary>The bot message whose button was pressed (to edit it in place).</summary>
    public int? CallbackMessageId { get; init; }
    public SharedContact? Contact { get; init; }
    public GeoPoint? Location { get; init; }
    public string? PhotoFileId { get; init; }
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>"lapor" for "/lapor@PkhBot 123 usaha ...", or null when the text is not a command.</summary>
    public string? Command => CommandLine.Parse(Text).Command;

    /// <summary>Everything after the command, trimmed ("" when none).</summary>
    public string Args => CommandLine.Parse(Text).Args;

    public bool IsCallback => CallbackData is not null;

    /// <summary>A one-to-one chat with the bot: the only place anyone's data is shown or changed.</summary>
    public bool IsPrivate => ChatType == "private";
}

public static class CommandLine
{
    public readonly record struct Parsed(string? Command, string Args);

    public static Parsed Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, "");
        var t = text.TrimStart();
        if (t.Length < 2 || t[0] != '/') return new(null, t.Trim());
        var end = 1;
        while (end < t.Length && !char.IsWhiteSpace(t[end])) end++;
        var cmd = t[1..end];
        var at = cmd.IndexOf('@');
        if (at >= 0) cmd = cmd[..at];
        if (cmd.Length == 0) return new(null, t.Trim());
        return new(cmd.ToLowerInvariant(), t[end..].Trim());
    }
}
