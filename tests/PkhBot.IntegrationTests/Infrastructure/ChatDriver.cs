using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the conversation pipeline as one chat user would, and returns what the bot said in plain text.
/// </summary>
public sealed class ChatDriver(TestApp app, long userId)
{
    private long _nextUpdateId = Math.Abs(userId) * 10_000_000;

    public long UserId { get; } = userId;

    /// <summary>Buttons of the last reply that had any, in order.</summary>
    public IReadOnlyList<Button> LastButtons { get; private set; } = [];

    public int? LastMessageId { get; private set; }

    public Task<BotReplies> SendAsync(string text) => ProcessAsync(Base() with { Text = text });

    public Task<BotReplies> PressAsync(string callbackData)
        => ProcessAsync(Base() with { CallbackData = callbackData, CallbackQueryId = $"cq{_nextUpdateId}", CallbackMessageId = LastMessageId });

    /// <summary>Press the first button of the last keyboard whose text contains <paramref name="text"/>.</summary>
    public Task<BotReplies> PressButtonAsync(string text)
    {
        var b = LastButtons.FirstOrDefault(x => x.Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No button '{text}' in: {string.Join(" | ", LastButtons.Select(x => x.Text))}");
        return PressAsync(b.Data!);
    }

    public Task<BotReplies> SendPhotoAsync(string? caption) => ProcessAsync(Base() with { PhotoFileId = $"photo-{_nextUpdateId}", Text = caption });

    public Task<BotReplies> SendLocationAsync(double lat, double lon) => ProcessAsync(Base() with { Location = new GeoPoint(lat, lon) });

    public Task<BotReplies> SendContactAsync(string phone) => ProcessAsync(Base() with { Contact = new SharedContact(phone, UserId) });

    public async Task<BotReplies> ProcessAsync(Incoming msg)
    {
        var pipeline = app.Services.GetRequiredService<ConversationPipeline>();
        var result = await pipeline.ProcessAsync(msg, CancellationToken.None);
        var replies = new BotReplies(result.Messages.Where(m => m.Kind != OutboxKind.CallbackAnswer).ToList());
        var withKb = replies.Messages.LastOrDefault(m => m.KeyboardJson is not null);
        if (withKb is not null)
        {
            LastButtons = OutboxMessageFactory.ReadKeyboard(withKb)!.Rows.SelectMany(r => r).ToList();
            LastMessageId = (int)withKb.Id;
        }
        return replies;
    }

    /// <summary>Where this user writes: their private chat with the bot (default) or a group (see <see cref="InGroup"/>).</summary>
    public (long ChatId, string ChatType)? Group { get; private set; }

    /// <summary>From now on this user writes in a group (a supergroup with this id) instead of the private chat.</summary>
    public ChatDriver InGroup(long groupChatId)
    {
        Group = (groupChatId, "supergroup");
        return this;
    }

    public ChatDriver InPrivate()
    {
        Group = null;
        return this;
    }

    private Incoming Base() => new()
    {
        Channel = "telegram",
        UpdateId = ++_nextUpdateId,
        UserId = UserId,
        ChatId = Group?.ChatId ?? UserId,
        ChatType = Group?.ChatType ?? "private",
        DisplayName = "Tester",
        SentAt = app.Clock.GetUtcNow(),
    };

    /// <summary>Binds this user directly to a role, as a redeemed invite would.</summary>
    public async Task<ChatDriver> AsAsync(Role role, int? pendampingId = null, int? coordinatorId = null)
    {
        await app.WithDbAsync(async db =>
        {
            var identity = await db.Identities.FirstOrDefaultAsync(i => i.UserId == UserId);
            if (identity is null) db.Identities.Add(identity = new ChatIdentity { UserId = UserId, CreatedAt = app.Clock.GetUtcNow() });
            identity.ChatId = UserId;
            identity.Role = role;
            identity.PendampingId = pendampingId;
            identity.CoordinatorId = coordinatorId;
            // A bound pendamping has shared the roster's phone number (Onboarding:RequirePhoneMatch, on by default).
            identity.PhoneVerified = role == Role.Pendamping;
            identity.DisplayName = $"{role} {UserId}";
            identity.LastSeenAt = app.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        });
        return this;
    }
}

public sealed record BotReplies(IReadOnlyList<OutboxMessage> Messages)
{
    /// <summary>All replies as the user reads them, joined by blank lines.</summary>
    public string Text => string.Join("\n\n", Messages.Select(m => Html.ToPlain(m.Text)));

    public override string ToString() => Text;
}
