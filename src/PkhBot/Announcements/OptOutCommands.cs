using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Onboarding;

namespace PkhBot.Announcements;

/// <summary>/berhenti and /mulai (and the plain words STOP / BERHENTI): routine nudges and announcements off or on.</summary>
public sealed class StopCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("berhenti", "Berhenti menerima pengingat dan pengumuman", CommandSpec.Everyone, ["stop", "unsubscribe"]);

    public Task HandleAsync(ConversationContext ctx, CancellationToken ct) => OptOut.SetAsync(ctx, optedOut: true, ct);
}

public sealed class ResumeCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("mulai", "Menerima pengingat dan pengumuman lagi", CommandSpec.Everyone, ["subscribe"]);

    public Task HandleAsync(ConversationContext ctx, CancellationToken ct) => OptOut.SetAsync(ctx, optedOut: false, ct);
}

/// <summary>Catches "STOP" / "berhenti" typed as plain text before anything else reads it.</summary>
public sealed class StopWordHandler : IFreeTextHandler
{
    private static readonly string[] Words = ["stop", "berhenti", "unsubscribe"];

    public int Order => 1;

    public async Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var text = ctx.Message.Text?.Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (text is null || !Words.Contains(text)) return false;
        await OptOut.SetAsync(ctx, optedOut: true, ct);
        return true;
    }
}

internal static class OptOut
{
    public static async Task SetAsync(ConversationContext ctx, bool optedOut, CancellationToken ct)
    {
        var identity = await ctx.Db.Identities.FirstOrDefaultAsync(i => i.UserId == ctx.Caller.UserId, ct);
        if (identity is null)
        {
            // Someone who never used /start can still opt out: remember them as a public user.
            identity = new ChatIdentity { UserId = ctx.Caller.UserId, ChatId = ctx.Message.ChatId, Role = Role.Kpm, CreatedAt = ctx.Now, LastSeenAt = ctx.Now };
            ctx.Db.Identities.Add(identity);
        }
        identity.OptedOut = optedOut;
        ctx.Reply(optedOut ? AnnouncementTexts.OptedOut : AnnouncementTexts.OptedIn);
    }
}
