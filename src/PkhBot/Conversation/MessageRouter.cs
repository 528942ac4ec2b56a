using PkhBot.Data;
using Microsoft.EntityFrameworkCore;

namespace PkhBot.Conversation;

/// <summary>Decides which handler gets a message: button, command, active flow, then free text.</summary>
public sealed class MessageRouter(
    IEnumerable<ICommandHandler> commands,
    IEnumerable<ICallbackHandler> callbacks,
    IEnumerable<IFlowHandler> flows,
    IEnumerable<IFreeTextHandler> freeText)
{
    public async Task RouteAsync(ConversationContext ctx, CancellationToken ct)
    {
        var msg = ctx.Message;
        ctx.Flow = await LoadFlowAsync(ctx, ct);

        if (msg.IsCallback)
        {
            await RouteCallbackAsync(ctx, ct);
            return;
        }

        if (msg.Command is { } name)
        {
            await RouteCommandAsync(ctx, name, ct);
            return;
        }

        if (ctx.Flow is { } state && flows.FirstOrDefault(f => f.Flow == state.Flow) is { } flow)
        {
            await flow.HandleAsync(ctx, state, ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(msg.Text) && msg.PhotoFileId is null && msg.Location is null && msg.Contact is null)
        {
            ctx.Reply(Texts.EmptyMessage);
            return;
        }

        foreach (var handler in freeText.OrderBy(h => h.Order))
        {
            if (await handler.TryHandleAsync(ctx, ct)) return;
        }
        ctx.Reply(Texts.NotUnderstood);
    }

    public ICommandHandler? FindCommand(string name)
        => commands.FirstOrDefault(c => c.Spec.Name == name || (c.Spec.Aliases?.Contains(name) ?? false));

    private async Task RouteCommandAsync(ConversationContext ctx, string name, CancellationToken ct)
    {
        var handler = FindCommand(name);
        if (handler is null)
        {
            ctx.Reply(Texts.UnknownCommand(name));
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

    private async Task RouteCallbackAsync(ConversationContext ctx, CancellationToken ct)
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
        await handler.HandleAsync(ctx, payload, ct);
    }

    // Compiled once: every message looks for an open flow.
    private static readonly Func<PkhDbContext, long, CancellationToken, Task<FlowState?>> FlowByUser =
        EF.CompileAsyncQuery((PkhDbContext db, long userId, CancellationToken ct) => db.Flows.FirstOrDefault(f => f.UserId == userId));

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
