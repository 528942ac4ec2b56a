using PkhBot.Conversation;

namespace PkhBot.Onboarding;

/// <summary>
/// Onboarding:RequirePhoneMatch, enforced in one place for every command, button and free text: a pendamping who
/// has not shared the roster's phone number (<see cref="Caller.PhoneUnverified"/>) gets the share-contact button
/// instead of household data. Commands open to everyone (/start, /bantuan, /tanya...) still work. The caller carries
/// no pendamping id meanwhile, so a handler reached some other way finds no household either.
/// </summary>
public static class PhoneCheckGate
{
    public static void AskForContact(ConversationContext ctx)
        => ctx.Reply(OnboardingTexts.PhoneCheckRequired, Keyboard.Of([Button.ShareContact(OnboardingTexts.ShareContactButton)]));
}

/// <summary>Wraps every command (see ConversationSetup.AddCommand).</summary>
public sealed class PhoneCheckedCommand(ICommandHandler inner) : ICommandHandler
{
    public CommandSpec Spec => inner.Spec;

    public Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Caller.PhoneUnverified && !Spec.Roles.Contains(Role.Kpm))
        {
            PhoneCheckGate.AskForContact(ctx);
            return Task.CompletedTask;
        }
        return inner.HandleAsync(ctx, ct);
    }
}

/// <summary>Wraps every button handler (see ConversationSetup.AddCallback): a restricted pendamping has no buttons to press.</summary>
public sealed class PhoneCheckedCallback(ICallbackHandler inner) : ICallbackHandler
{
    public string Prefix => inner.Prefix;

    public Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (ctx.Caller.PhoneUnverified)
        {
            ctx.CallbackToast = OnboardingTexts.PhoneCheckToast;
            PhoneCheckGate.AskForContact(ctx);
            return Task.CompletedTask;
        }
        return inner.HandleAsync(ctx, payload, ct);
    }
}

/// <summary>Right after <see cref="ContactHandler"/>: a restricted pendamping's free text (usually a report) gets the prompt.</summary>
public sealed class UnverifiedPendampingText : IFreeTextHandler
{
    public int Order => -999;

    public Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (!ctx.Caller.PhoneUnverified) return Task.FromResult(false);
        PhoneCheckGate.AskForContact(ctx);
        return Task.FromResult(true);
    }
}
