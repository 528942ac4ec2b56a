using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Ppse;

/// <summary>/ppse: the PPSE path of the caller's scope (koordinator: its kecamatan or the kabupaten; admin: all), text then the funnel.</summary>
public sealed class PpseCommand(PpseFunnel funnel, Referrals.MitraCatalogue catalogue) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("ppse", "Jalur PPSE: KPM per tahap menuju graduasi mandiri, target, rujukan mitra (angka + grafik)", CommandSpec.AreaFigures);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var figures = await funnel.ComputeAsync(ctx.Db, scope, ctx.Now, ct);
        // A camat or kepala desa sees figures only: no rows that name pendamping.
        if (ctx.Caller.Role == Onboarding.Role.Pemantau) figures = figures with { Rows = [] };
        var name = await ScopeNameAsync(ctx, ct);
        ctx.Reply(PpseTexts.Reply(name, figures, code => catalogue.Find(code)?.Name ?? code));
        if (figures.Households > 0)
            ctx.Reply(new Reply(PpseTexts.ChartTitle)
            {
                Attachment = new ReplyAttachment(Channels.Outbox.AttachmentKind.Photo, $"ppse-{ctx.Now:yyyyMMdd}.png", PpseChart.Render(name, figures)),
            });
    }

    private static async Task<string> ScopeNameAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Caller.IsAdmin || ctx.Caller.WholeKabupaten) return PpseTexts.Kabupaten;
        if (ctx.Caller.PemantauDesaId is int desa)
            return "Desa " + await ctx.Db.Desa.Where(d => d.Id == desa).Select(d => d.Nama).FirstAsync(ct);
        var wilayah = await WilayahIndex.LoadAsync(ctx.Db, ct);
        var names = wilayah.Kecamatan.Where(k => ctx.Caller.KecamatanIds.Contains(k.Id)).Select(k => k.Nama).Order().ToList();
        return names.Count == 0 ? PpseTexts.NoScope : "Kec. " + string.Join(", ", names);
    }
}
