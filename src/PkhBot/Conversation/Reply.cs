namespace PkhBot.Conversation;

public enum ButtonKind
{
    Callback = 0,
    Url = 1,
    /// <summary>Reply-keyboard button that shares the user's phone number.</summary>
    RequestContact = 2,
    /// <summary>Reply-keyboard button that shares the user's location.</summary>
    RequestLocation = 3,
}

/// <summary>
/// A button. Callback data is limited to 64 bytes by Telegram: store a short key ("lapor:hh:123"), never a
/// payload, and re-check authorization when it comes back (it can be forged).
/// </summary>
public sealed record Button(string Text, string? Data = null, ButtonKind Kind = ButtonKind.Callback)
{
    /// <summary>Telegram's limit for callback_data, in UTF-8 bytes.</summary>
    public const int MaxCallbackDataBytes = 64;

    /// <summary>Checked when the button is made: data Telegram would refuse is a bug at its source, not a lost message.</summary>
    public string? Data { get; init; } = Kind == ButtonKind.Callback && Data is not null && System.Text.Encoding.UTF8.GetByteCount(Data) > MaxCallbackDataBytes
        ? throw new ArgumentException($"Callback data is {System.Text.Encoding.UTF8.GetByteCount(Data)} bytes; Telegram takes at most {MaxCallbackDataBytes}: \"{Data}\"", nameof(Data))
        : Data;

    public static Button Callback(string text, string data) => new(text, data);
    public static Button Link(string text, string url) => new(text, url, ButtonKind.Url);
    public static Button ShareContact(string text) => new(text, null, ButtonKind.RequestContact);
    public static Button ShareLocation(string text) => new(text, null, ButtonKind.RequestLocation);
}

/// <summary>Inline keyboard (under the message) unless it holds RequestContact/RequestLocation buttons.</summary>
public sealed record Keyboard(IReadOnlyList<IReadOnlyList<Button>> Rows)
{
    /// <summary>Remove a reply keyboard previously shown.</summary>
    public bool RemoveReplyKeyboard { get; init; }

    public static Keyboard Of(params IReadOnlyList<Button>[] rows) => new(rows);
    public static Keyboard Column(IEnumerable<Button> buttons) => new(buttons.Select(b => (IReadOnlyList<Button>)[b]).ToList());
    public static Keyboard Remove() => new([]) { RemoveReplyKeyboard = true };

    public bool IsReplyKeyboard => Rows.SelectMany(r => r).Any(b => b.Kind is ButtonKind.RequestContact or ButtonKind.RequestLocation);
}

public sealed record ReplyAttachment(Channels.Outbox.AttachmentKind Kind, string FileName, byte[] Content);

/// <summary>One message to send. <see cref="Html"/> is Telegram HTML: escape user data with <see cref="Conversation.Html.Escape"/>.</summary>
public sealed record Reply(string Html)
{
    public Keyboard? Keyboard { get; init; }
    public ReplyAttachment? Attachment { get; init; }
    /// <summary>Edit the bot message whose button was pressed instead of sending a new one (pagination).</summary>
    public bool EditPressedMessage { get; init; }
}
