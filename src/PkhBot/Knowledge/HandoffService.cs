using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Announcements;
using PkhBot.Conversation;
using PkhBot.Onboarding;

namespace PkhBot.Knowledge;

/// <summary>
/// Passes a question the knowledge base could not answer to a person, with the asker's consent:
/// the pendamping of the KPM's desa when known, else the koordinator of the kecamatan, else an admin.
/// Each asker may pass on at most Knowledge:HandoffsPerDay questions in 24 hours, so one person cannot bury a
/// pendamping in forwarded questions; the next one is told where else to ask.
/// </summary>
public static class HandoffService
{
    /// <summary>Keeps the (masked) question and asks for consent. Call only for public (KPM) callers.</summary>
    public static async Task OfferAsync(ConversationContext ctx, string question, CancellationToken ct)
    {
        if (await LimitReachedAsync(ctx, ct)) return;
        var h = new HandoffQuestion
        {
            AskerUserId = ctx.Caller.UserId,
            AskerChatId = ctx.Message.ChatId,
            Question = Privacy.Mask.Text(question.Length > 1000 ? question[..1000] : question),
            Status = HandoffStatus.AwaitingConsent,
            AskedAt = ctx.Now,
        };
        ctx.Db.Handoffs.Add(h);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(HandoffTexts.HandoffOffer, Keyboard.Of([Button.Callback("Ya, teruskan", $"handoff:ya:{h.Id}"), Button.Callback("Tidak", $"handoff:tidak:{h.Id}")]));
    }

    public static async Task ForwardAsync(ConversationContext ctx, HandoffQuestion h, CancellationToken ct)
    {
        if (await LimitReachedAsync(ctx, ct))
        {
            ctx.Db.Handoffs.Remove(h);
            return;
        }
        var asker = await ctx.Db.Identities.FirstOrDefaultAsync(i => i.UserId == h.AskerUserId, ct);
        var desa = asker?.DesaId is int desaId ? await ctx.Db.Desa.FirstOrDefaultAsync(d => d.Id == desaId, ct) : null;
        h.DesaId = desa?.Id;
        h.KecamatanId = desa?.KecamatanId;

        var target = await FindPendampingAsync(ctx, desa, ct) ?? await FindCoordinatorAsync(ctx, desa?.KecamatanId, ct) ?? await FindAdminAsync(ctx, ct);
        if (target is null)
        {
            ctx.Reply(HandoffTexts.HandoffNobody);
            return;
        }
        h.AssignedPendampingId = target.Role == Role.Pendamping ? target.PendampingId : null;
        h.AssignedCoordinatorId = target.Role == Role.Koordinator ? target.CoordinatorId : null;
        h.Question = Privacy.Mask.Text(h.Question);
        h.Status = HandoffStatus.Open;
        ctx.SendTo(target.ChatId, new Reply(HandoffTexts.HandoffToStaff(h.Id, desa?.Nama, h.Question, verified: asker?.PhoneVerified == true)));
        ctx.Reply(HandoffTexts.HandoffSent(h.Id) + (desa is null ? "\nAgar sampai ke pendamping desa Anda, ketik /desa untuk memilih desa." : ""));
    }

    /// <summary>True (and the asker told where else to ask) when they already passed on their questions for today.</summary>
    private static async Task<bool> LimitReachedAsync(ConversationContext ctx, CancellationToken ct)
    {
        var perDay = ctx.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.HandoffsPerDay;
        var since = ctx.Now.AddDays(-1);
        var userId = ctx.Caller.UserId;
        var forwarded = await ctx.Db.Handoffs.CountAsync(x => x.AskerUserId == userId && x.AskedAt > since && x.Status != HandoffStatus.AwaitingConsent, ct);
        if (forwarded < perDay) return false;
        ctx.Reply(HandoffTexts.HandoffLimit(perDay));
        return true;
    }

    private static async Task<ChatIdentity?> FindPendampingAsync(ConversationContext ctx, Households.Desa? desa, CancellationToken ct)
    {
        if (desa is null) return null;
        // The pendamping who follows most households in that desa, among those reachable on the bot.
        var candidates = await ctx.Db.Households.Where(x => x.DesaId == desa.Id && x.PendampingId != null)
            .GroupBy(x => x.PendampingId).Select(g => new { PendampingId = g.Key, N = g.Count() })
            .OrderByDescending(g => g.N).Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            var identity = await ctx.Db.Identities.FirstOrDefaultAsync(i => i.Role == Role.Pendamping && i.PendampingId == c.PendampingId && !i.Unreachable, ct);
            if (identity is not null) return identity;
        }
        return null;
    }

    private static Task<ChatIdentity?> FindCoordinatorAsync(ConversationContext ctx, int? kecamatanId, CancellationToken ct)
        => ctx.Db.Identities.Where(i => i.Role == Role.Koordinator && !i.Unreachable && i.Coordinator != null
                && (i.Coordinator.WholeKabupaten || (kecamatanId != null && i.Coordinator.Kecamatan.Any(k => k.KecamatanId == kecamatanId))))
            .OrderBy(i => i.Coordinator!.WholeKabupaten).ThenBy(i => i.Id).FirstOrDefaultAsync(ct);

    private static Task<ChatIdentity?> FindAdminAsync(ConversationContext ctx, CancellationToken ct)
        => ctx.Db.Identities.Where(i => i.Role == Role.Admin && !i.Unreachable).OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
}

/// <summary>"handoff:ya:ID" / "handoff:tidak:ID": only the asker can consent to their own question.</summary>
public sealed class HandoffCallbacks : ICallbackHandler
{
    public string Prefix => "handoff";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        var parts = payload.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id))
        {
            ctx.Reply(Texts.StaleButton);
            return;
        }
        var h = await ctx.Db.Handoffs.FirstOrDefaultAsync(x => x.Id == id && x.AskerUserId == ctx.Caller.UserId && x.Status == HandoffStatus.AwaitingConsent, ct);
        if (h is null)
        {
            ctx.Reply(HandoffTexts.HandoffNotFound);
            return;
        }
        if (parts[0] == "tidak")
        {
            ctx.Db.Handoffs.Remove(h);
            ctx.Reply(HandoffTexts.HandoffDeclined);
            return;
        }
        await HandoffService.ForwardAsync(ctx, h, ct);
    }
}
