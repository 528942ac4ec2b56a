using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reminders;

/// <summary>
/// /rekap: the digest of the caller's own scope, on demand: the numbers, then a bar per pendamping (one kecamatan)
/// or per kecamatan (more), then the 12-week trend of reports and graduations.
/// </summary>
public sealed class RekapCommand(DigestBuilder digests, AreaBreakdown breakdown) : ICommandHandler
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
        var pemantau = ctx.Caller.Role == Onboarding.Role.Pemantau;
        var stats = await digests.StatsAsync(ctx.Now, whole ? null : ctx.Caller.KecamatanIds, ct, ctx.Caller.PemantauDesaId);
        var mine = stats.Values.ToList();
        var digest = digests.For(ctx.Caller.PemantauDesaId is null ? DigestBuilder.ScopeName(whole, mine) : mine[0].Nama, ctx.Now, mine)
            with { NamesHidden = pemantau };
        ctx.Reply(DigestText.ToReply(digest, null));

        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        // A camat or kepala desa sees no pendamping named: its area's trend only.
        if (!pemantau)
        {
            var perPendamping = mine.Count == 1;
            var bars = perPendamping
                ? await breakdown.PerPendampingAsync(scope, ctx.Now, ct)
                : mine.Select(k => new AreaBar(k.Nama, k.Households, k.Visited30d, k.OpenFollowUps, 0)).ToList();
            if (bars.Count > 0)
                ctx.Reply(Chart(ReminderTexts.RekapBarsCaption(perPendamping), "rekap-bar",
                    AreaCharts.Bars(ReminderTexts.RekapBarsTitle(digest.ScopeName, perPendamping), bars, withCandidates: perPendamping), ctx.Now));
        }
        var trend = await breakdown.TrendAsync(scope, ctx.Now, ct);
        ctx.Reply(Chart(ReminderTexts.RekapTrendCaption, "rekap-tren", AreaCharts.Trend(ReminderTexts.RekapTrendTitle(digest.ScopeName), trend), ctx.Now));
    }

    private static Reply Chart(string caption, string name, byte[] png, DateTimeOffset now)
        => new(caption) { Attachment = new ReplyAttachment(AttachmentKind.Photo, $"{name}-{now:yyyyMMdd}.png", png) };
}
