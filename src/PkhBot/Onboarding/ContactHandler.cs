using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;

namespace PkhBot.Onboarding;

/// <summary>
/// A shared contact (request_contact button): a pendamping confirms the phone number in the roster. Only the
/// caller's own contact counts (Telegram sets its user id); another person's card is refused.
/// </summary>
public sealed class ContactHandler : IFreeTextHandler
{
    /// <summary>Before every text handler: a contact is never a report or a question.</summary>
    public int Order => -1000;

    public async Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Message.Contact is not { } contact) return false;
        // An unverified pendamping carries no pendamping id (see Caller.PhoneUnverified): the role is what counts here.
        if (ctx.Caller.Role != Role.Pendamping)
        {
            ctx.Reply(new Reply(OnboardingTexts.ContactNotNeeded) { Keyboard = Keyboard.Remove() });
            return true;
        }
        if (contact.UserId != ctx.Caller.UserId)
        {
            ctx.Reply(OnboardingTexts.ContactNotYours, Keyboard.Of([Button.ShareContact(OnboardingTexts.ShareContactButton)]));
            return true;
        }

        var identity = await ctx.Db.Identities.FirstAsync(i => i.UserId == ctx.Caller.UserId, ct);
        var pendamping = await ctx.Db.Pendamping.AsNoTracking().FirstAsync(p => p.Id == identity.PendampingId, ct);
        var masked = Privacy.Mask.Phone(PhoneNumber.Normalize(contact.PhoneNumber));
        if (string.IsNullOrWhiteSpace(pendamping.Phone))
        {
            ctx.Reply(new Reply(OnboardingTexts.ContactNoRosterPhone) { Keyboard = Keyboard.Remove() });
            return true;
        }
        if (!PhoneNumber.SameNumber(contact.PhoneNumber, pendamping.Phone))
        {
            ctx.Audit("identity.phone_mismatch", "pendamping", pendamping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ctx.Reply(OnboardingTexts.ContactMismatch(masked), Keyboard.Of([Button.ShareContact(OnboardingTexts.ShareContactButton)]));
            return true;
        }
        identity.PhoneVerified = true;
        ctx.Caller = CallerResolver.FromIdentity(identity);
        ctx.Audit("identity.phone_verified", "pendamping", pendamping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ctx.Reply(new Reply(OnboardingTexts.ContactMatched(masked)) { Keyboard = Keyboard.Remove() });
        return true;
    }
}
