using PkhBot.Conversation;

namespace PkhBot.Reminders;

/// <summary>/rekap: the coordinator digest of the caller's own scope, on demand (text + chart).</summary>
public sealed class RekapCommand(DigestBuilder digests) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("rekap", "Rekap wilayah Anda (angka + grafik)", CommandSpec.AreaFigures);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var whole = ctx.Caller.IsAdmin || ctx.Caller.WholeKabupaten;
        if (!whole && ctx.Caller.KecamatanIds.Count == 0)
        {
            ctx.Reply(ReminderTexts.RekapNoScope);
            return;
        }
        var stats = await digests.StatsAsync(ctx.Now, whole ? null : ctx.Caller.KecamatanIds, ct, ctx.Caller.PemantauDesaId);
        var mine = stats.Values.ToList();
        var digest = digests.For(ctx.Caller.PemantauDesaId is null ? DigestBuilder.ScopeName(whole, mine) : mine[0].Nama, ctx.Now, mine)
            with { NamesHidden = ctx.Caller.Role == Onboarding.Role.Pemantau };
        ctx.Reply(DigestText.ToReply(digest, DigestChart.Render(digest)));
    }
}
