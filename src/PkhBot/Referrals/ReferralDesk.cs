using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.Referrals;

/// <summary>
/// The referral's life: created by the pendamping, answered by the mitra, closed with an outcome; each step is
/// told to the other side through the outbox in the same transaction. A referral of another mitra reads as
/// not found.
/// </summary>
public sealed class ReferralDesk(MitraCatalogue catalogue)
{
    public MitraCatalogue Catalogue => catalogue;

    public static Task<Referral?> OpenForAsync(ConversationContext ctx, int householdId, string mitraCode, CancellationToken ct)
        => ctx.Db.Referrals.AsNoTracking().FirstOrDefaultAsync(
            r => r.HouseholdId == householdId && r.MitraCode == mitraCode && (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted), ct);

    public async Task<Referral> CreateAsync(ConversationContext ctx, Household h, Mitra mitra, string note, CancellationToken ct)
    {
        var referral = new Referral
        {
            HouseholdId = h.Id, PendampingId = ctx.Caller.PendampingId!.Value, MitraCode = mitra.Code, Note = note,
            Status = ReferralStatus.Sent, CreatedAt = ctx.Now, Version = Guid.NewGuid(),
        };
        ctx.Db.Referrals.Add(referral);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("referral.create", "referral", Id(referral), $"mitra={mitra.Code}");

        var officers = await OfficerChatsAsync(ctx, mitra.Code, ct);
        var text = ReferralTexts.ToMitra(referral.Id, h.NamaPengurus, h.Desa?.Nama ?? "-", await KecamatanAsync(ctx, h.KecamatanId, ct),
            await BusinessSummary.LatestAsync(ctx.Db, h.Id, ct), note, ctx.Caller.DisplayName);
        foreach (var chat in officers) ctx.SendTo(chat, new Reply(text) { Keyboard = AnswerButtons(referral.Id) });
        ctx.Reply(ReferralTexts.Sent(referral.Id, mitra, officers.Count));
        return referral;
    }

    public static Keyboard AnswerButtons(int id)
        => Keyboard.Of([Button.Callback("✅ Terima", $"rm:a:{id}"), Button.Callback("✋ Tolak", $"rm:d:{id}")]);

    /// <summary>The mitra's own referral by number, tracked; null for any other (another mitra's reads as not found).</summary>
    public static Task<Referral?> MineAsync(ConversationContext ctx, int id, CancellationToken ct)
        => ctx.Caller.MitraCode is { } code
            ? ctx.Db.Referrals.Include(r => r.Household).FirstOrDefaultAsync(r => r.Id == id && r.MitraCode == code, ct)
            : Task.FromResult<Referral?>(null);

    public async Task AnswerAsync(ConversationContext ctx, Referral r, bool accept, CancellationToken ct)
    {
        if (r.Status != ReferralStatus.Sent)
        {
            ctx.Reply(ReferralTexts.AlreadyAnswered(r.Id, r.Status));
            return;
        }
        r.Status = accept ? ReferralStatus.Accepted : ReferralStatus.Declined;
        r.AnsweredAt = ctx.Now;
        r.Version = Guid.NewGuid();
        ctx.Audit(accept ? "referral.accept" : "referral.decline", "referral", Id(r));
        var mitra = MitraOf(r);
        await TellPendampingAsync(ctx, r, accept
            ? ReferralTexts.AcceptedToPendamping(r.Id, r.Household!.NamaPengurus, mitra)
            : ReferralTexts.DeclinedToPendamping(r.Id, r.Household!.NamaPengurus, mitra), ct);
        ctx.Reply(accept ? ReferralTexts.AcceptedToMitra(r.Id) : ReferralTexts.DeclinedToMitra(r.Id));
    }

    public async Task RecordOutcomeAsync(ConversationContext ctx, Referral r, string outcome, CancellationToken ct)
    {
        if (r.Status == ReferralStatus.Declined)
        {
            ctx.Reply(ReferralTexts.AlreadyAnswered(r.Id, r.Status));
            return;
        }
        r.AnsweredAt ??= ctx.Now;
        r.Status = ReferralStatus.Done;
        r.Outcome = outcome;
        r.OutcomeAt = ctx.Now;
        r.Version = Guid.NewGuid();
        ctx.Audit("referral.outcome", "referral", Id(r));
        await TellPendampingAsync(ctx, r, ReferralTexts.OutcomeToPendamping(r.Id, r.Household!.NamaPengurus, MitraOf(r), outcome), ct);
        ctx.Reply(ReferralTexts.OutcomeSaved(r.Id));
    }

    public Mitra MitraOf(Referral r) => MitraOf(r.MitraCode);

    /// <summary>A code dropped from the catalogue since the referral was made still reads as its code.</summary>
    public Mitra MitraOf(string code) => catalogue.Find(code) ?? new Mitra(code, code, []);

    private static async Task TellPendampingAsync(ConversationContext ctx, Referral r, string text, CancellationToken ct)
    {
        var chats = await ctx.Db.Identities.AsNoTracking()
            .Where(i => i.Role == Role.Pendamping && i.PendampingId == r.PendampingId && !i.Unreachable)
            .Select(i => i.ChatId).ToListAsync(ct);
        foreach (var chat in chats) ctx.SendTo(chat, new Reply(text));
    }

    private static Task<List<long>> OfficerChatsAsync(ConversationContext ctx, string code, CancellationToken ct)
        => ctx.Db.Identities.AsNoTracking()
            .Where(i => i.Role == Role.Mitra && i.MitraCode == code && !i.Unreachable)
            .Select(i => i.ChatId).ToListAsync(ct);

    private static async Task<string> KecamatanAsync(ConversationContext ctx, int id, CancellationToken ct)
        => await ctx.Db.Kecamatan.Where(k => k.Id == id).Select(k => k.Nama).FirstOrDefaultAsync(ct) ?? "-";

    private static string Id(Referral r) => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
