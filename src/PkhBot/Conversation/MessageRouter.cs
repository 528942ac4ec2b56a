using PkhBot.Data;
using Microsoft.EntityFrameworkCore;

namespace PkhBot.Conversation;

/// <summary>
/// Decides which handler gets a message: button, command, active flow, then free text. In a group only what says it
/// works there (programme questions, /bantuan) runs; the rest gets the private-chat notice, once in a while.
/// </summary>
public sealed class MessageRouter(
    IEnumerable<ICommandHandler> commands,
    IEnumerable<ICallbackHandler> callbacks,
    IEnumerable<IFlowHandler> flows,
    IEnumerable<IFreeTextHandler> freeText,
    GroupNotices groupNotices)
{
    public async Task RouteAsync(ConversationContext ctx, CancellationToken ct)
    {
        var msg = ctx.Message;
        var here = msg.IsPrivate ? ChatKinds.Private : ChatKinds.Group;
        // A flow belongs to the private chat: a group message neither feeds it nor hears that it expired.
        ctx.Flow = msg.IsPrivate ? await LoadFlowAsync(ctx, ct) : null;

        if (msg.IsCallback)
        {
            await RouteCallbackAsync(ctx, here, ct);
            return;
        }

        if (msg.Command is { } name)
        {
            await RouteCommandAsync(ctx, name, here, ct);
            return;
        }

        if (ctx.Flow is { } state && flows.FirstOrDefault(f => f.Flow == state.Flow) is { } flow)
        {
            await flow.HandleAsync(ctx, state, ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(msg.Text) && msg.PhotoFileId is null && msg.Location is null && msg.Contact is null)
        {
            if (msg.IsPrivate) ctx.Reply(Texts.EmptyMessage);
            return;
        }

        foreach (var handler in freeText.Where(h => h.Chats.HasFlag(here)).OrderBy(h => h.Order))
        {
            if (await handler.TryHandleAsync(ctx, ct)) return;
        }
        if (msg.IsPrivate) ctx.Reply(Texts.NotUnderstood);
        else PrivateChatOnly(ctx);   // a photo, a location or a contact shared in a group
    }

    public ICommandHandler? FindCommand(string name)
        => commands.FirstOrDefault(c => c.Spec.Name == name || (c.Spec.Aliases?.Contains(name) ?? false));

    private async Task RouteCommandAsync(ConversationContext ctx, string name, ChatKinds here, CancellationToken ct)
    {
        var handler = FindCommand(name);
        if (handler is null)
        {
            ctx.Reply(Texts.UnknownCommand(name));
            return;
        }
        if (!handler.Spec.Chats.HasFlag(here))
        {
            PrivateChatOnly(ctx);
            return;
        }
        if (!handler.Spec.Roles.Contains(ctx.Caller.Role))
        {
            var allowed = string.Join(" / ", handler.Spec.Roles.Where(r => r != Onboarding.Role.None).Select(Texts.RoleName).Distinct());
            ctx.Reply(Texts.WrongRole(name, allowed));
            return;
        }
        // A new command abandons a half-done flow; the command may start its own.
        if (ctx.Flow is not null) await ctx.EndFlowAsync(ct);
        await handler.HandleAsync(ctx, ct);
    }

    private async Task RouteCallbackAsync(ConversationContext ctx, ChatKinds here, CancellationToken ct)
    {
        var data = ctx.Message.CallbackData ?? "";
        var colon = data.IndexOf(':');
        var prefix = colon < 0 ? data : data[..colon];
        var payload = colon < 0 ? "" : data[(colon + 1)..];
        var handler = callbacks.FirstOrDefault(c => c.Prefix == prefix);
        if (handler is null)
        {
            ctx.CallbackToast = "Tombol tidak berlaku";
            ctx.Reply(Texts.StaleButton);
            return;
        }
        if (!handler.Chats.HasFlag(here))
        {
            ctx.CallbackToast = Texts.PrivateOnlyToast;
            PrivateChatOnly(ctx);
            return;
        }
        await handler.HandleAsync(ctx, payload, ct);
    }

    /// <summary>The notice in a group, said once per user and group in a while (otherwise nothing), naming no one.</summary>
    private void PrivateChatOnly(ConversationContext ctx)
    {
        if (groupNotices.ShouldTell(ctx.Message.UserId, ctx.Message.ChatId))
            ctx.Reply(Texts.PrivateChatOnly(ctx.Prepared.PrivateChatLink));
    }

    // Compiled once: every message looks for an open flow.
    private static readonly Func<PkhDbContext, long, CancellationToken, Task<FlowState?>> FlowByUser =
        EF.CompileAsyncQuery((PkhDbContext db, long userId, CancellationToken ct) => db.Flows.FirstOrDefault(f => f.UserId == userId));

    /// <summary>The user's open flow as stored, for a read-only look before the transaction (null when none or expired).</summary>
    public static async Task<FlowState?> PeekFlowAsync(PkhDbContext db, long userId, DateTimeOffset now, CancellationToken ct)
        => await FlowByUser(db, userId, ct) is { } state && state.ExpiresAt > now ? state : null;

    private static async Task<FlowState?> LoadFlowAsync(ConversationContext ctx, CancellationToken ct)
    {
        var state = await FlowByUser(ctx.Db, ctx.Caller.UserId, ct);
        if (state is null) return null;
        if (state.ExpiresAt > ctx.Now) return state;
        ctx.Db.Flows.Remove(state);
        if (!ctx.Message.IsCallback && ctx.Message.Command is null) ctx.Reply(Texts.FlowExpired);
        return null;
    }
}
