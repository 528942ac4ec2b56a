using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Onboarding;

namespace PkhBot.Referrals;

/// <summary>The mitra's Terima / Tolak buttons under a referral ("rm:a:ID", "rm:d:ID").</summary>
public sealed class MitraAnswerButtons(ReferralDesk desk) : ICallbackHandler
{
    public string Prefix => "rm";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        var parts = payload.Split(':');
        if (!ctx.Caller.IsMitra || parts.Length != 2 || parts[0] is not ("a" or "d") || !int.TryParse(parts[1], out var id)
            || await ReferralDesk.MineAsync(ctx, id, ct) is not { } referral)
        {
            ctx.CallbackToast = "Tidak ditemukan";
            ctx.Reply(ReferralTexts.NotFound);
            return;
        }
        await desk.AnswerAsync(ctx, referral, accept: parts[0] == "a", ct);
    }
}

/// <summary>/hasil NO catatan: the mitra records what came of a referral.</summary>
public sealed class HasilCommand(ReferralDesk desk) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("hasil", "Catat hasil rujukan: /hasil NO catatan", [Role.Mitra]);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (!ctx.Caller.IsMitra) { ctx.Reply(ReferralTexts.MitraNotRegistered); return; }
        var parts = ctx.Message.Args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0].TrimStart('#'), out var id) || parts[1].Length < 3)
        {
            ctx.Reply(ReferralTexts.HasilUsage);
            return;
        }
        if (await ReferralDesk.MineAsync(ctx, id, ct) is not { } referral)
        {
            ctx.Reply(ReferralTexts.NotFound);
            return;
        }
        var outcome = Privacy.Mask.Text(parts[1]);
        await desk.RecordOutcomeAsync(ctx, referral, outcome.Length > 500 ? outcome[..500] : outcome, ct);
    }
}

/// <summary>/rujukan: a mitra's open referrals (with their buttons), or a pendamping's latest referrals.</summary>
public sealed class RujukanCommand(ReferralDesk desk) : ICommandHandler
{
    public const int Shown = 15;

    public CommandSpec Spec { get; } = new("rujukan", "Daftar rujukan (mitra: yang perlu dijawab; pendamping: rujukan Anda)", [Role.Pendamping, Role.Mitra]);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Caller.IsMitra) await ForMitraAsync(ctx, ctx.Caller.MitraCode!, ct);
        else if (ctx.Caller.IsPendamping) await ForPendampingAsync(ctx, ctx.Caller.PendampingId!.Value, ct);
        else ctx.Reply(ReferralTexts.MitraNotRegistered);
    }

    private async Task ForMitraAsync(ConversationContext ctx, string code, CancellationToken ct)
    {
        var open = await ctx.Db.Referrals.AsNoTracking()
            .Where(r => r.MitraCode == code && (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status, r.Household!.NamaPengurus, Desa = r.Household.Desa != null ? r.Household.Desa.Nama : "-" })
            .ToListAsync(ct);
        if (open.Count == 0) { ctx.Reply(ReferralTexts.ListEmptyMitra); return; }
        var text = ReferralTexts.ListHeaderMitra(desk.Catalogue.Find(code)?.Name ?? code, open.Count) + "\n" +
                   string.Join("\n", open.Take(Shown).Select(r => ReferralTexts.ListLine(r.Id, r.NamaPengurus, r.Desa, r.Status)));
        var unanswered = open.Where(r => r.Status == ReferralStatus.Sent).Take(5)
            .Select(r => (IReadOnlyList<Button>)[Button.Callback($"✅ #{r.Id}", $"rm:a:{r.Id}"), Button.Callback($"✋ #{r.Id}", $"rm:d:{r.Id}")]).ToList();
        ctx.Reply(text + "\n\nCatat hasil: <code>/hasil NO catatan</code>", unanswered.Count > 0 ? new Keyboard(unanswered) : null);
    }

    private async Task ForPendampingAsync(ConversationContext ctx, int pendampingId, CancellationToken ct)
    {
        var mine = ctx.Db.Referrals.AsNoTracking().Where(r => r.PendampingId == pendampingId);
        var total = await mine.CountAsync(ct);
        if (total == 0) { ctx.Reply(ReferralTexts.ListEmptyPendamping); return; }
        var latest = await mine.OrderByDescending(r => r.Id).Take(Shown)
            .Select(r => new { r.Id, r.Status, r.MitraCode, r.Household!.NamaPengurus, Desa = r.Household.Desa != null ? r.Household.Desa.Nama : "-" })
            .ToListAsync(ct);
        ctx.Reply(ReferralTexts.ListHeaderPendamping(total) + "\n" +
                  string.Join("\n", latest.Select(r => ReferralTexts.ListLine(r.Id, r.NamaPengurus, r.Desa, r.Status, r.MitraCode))));
    }
}
