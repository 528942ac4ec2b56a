using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>/kpm [filter] lists the caller's households; /kpm ID shows one card.</summary>
public sealed class KpmCommand(KpmViews views, IOptions<ReportingOptions> options) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("kpm", "Daftar KPM Anda (filter: bumil, sd, lansia, belum, tl, desa NAMA) atau /kpm ID", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var args = ctx.Message.Args;
        if (args.Length == 0)
        {
            ctx.Reply(await views.ListAsync(ctx, 0, "", ct));
            return;
        }
        if (args.Any(char.IsDigit) && !args.Contains(' '))
        {
            await CardByIdAsync(ctx, args, ct);
            return;
        }
        var filter = KpmFilter.FromWords(args, options.Value.NotVisitedDays);
        if (filter is null && NameSearch.Normalize(args) is var w && w.StartsWith("desa ", StringComparison.Ordinal))
            filter = await DesaFilterAsync(ctx, w[5..], ct);
        if (filter is null)
        {
            ctx.Reply($"Filter <i>{Html.Escape(args)}</i> tidak dikenal. Pakai: bumil, balita, sd, smp, sma, disabilitas, lansia, belum, tl, desa NAMA — atau tombol di bawah.");
            ctx.Reply(await views.ListAsync(ctx, 0, "", ct));
            return;
        }
        ctx.Reply(await views.ListAsync(ctx, 0, filter, ct));
    }

    private async Task CardByIdAsync(ConversationContext ctx, string idKpm, CancellationToken ct)
    {
        var id = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Where(h => h.IdKpm == idKpm).Select(h => (int?)h.Id).FirstOrDefaultAsync(ct);
        if (id is int hid && await views.CardAsync(ctx, hid, ct) is { } card)
        {
            ctx.Reply(card);
            return;
        }
        var hits = await HouseholdSearch.ClosestIdsAsync(ctx.Db, ctx.Caller, idKpm, 5, ct);
        ctx.Reply($"KPM <code>{Html.Escape(idKpm)}</code> tidak ditemukan di data Anda." + (hits.Count > 0 ? " Mungkin:" : " Cari dengan /cari NAMA."),
            hits.Count > 0 ? Keyboard.Column(hits.Select(h => ReportKeyboards.HouseholdButton(h, $"kpm:c:{h.Id}"))) : null);
    }

    private static async Task<string?> DesaFilterAsync(ConversationContext ctx, string name, CancellationToken ct)
    {
        var desa = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Where(h => h.DesaId != null)
            .Select(h => new { h.DesaId, h.Desa!.Nama }).Distinct().Take(500).ToListAsync(ct);
        var best = desa.Select(d => new { d.DesaId, Score = NameSearch.Score(name, NameSearch.Normalize(d.Nama)) })
            .Where(d => d.Score >= HouseholdSearch.MinScore).OrderByDescending(d => d.Score).FirstOrDefault();
        return best is null ? null : $"d{best.DesaId}";
    }
}

/// <summary>"kpm:" buttons: pages, filters, cards. The payload is untrusted: every view re-applies the caller's scope.</summary>
public sealed class KpmCallback(KpmViews views) : ICallbackHandler
{
    public string Prefix => "kpm";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!HouseholdScope.CanAct(ctx.Caller))
        {
            ctx.CallbackToast = HouseholdTexts.NotAvailable;
            ctx.Reply(HouseholdTexts.NotAvailable);
            return;
        }
        var parts = payload.Split(':');
        switch (parts[0])
        {
            case "l" when parts.Length >= 2 && int.TryParse(parts[1], out var page) && page >= 0:
                var filter = parts.Length > 2 ? parts[2] : "";
                if (!KpmFilter.IsValid(filter)) filter = "";
                ctx.Reply(await views.ListAsync(ctx, page, filter, ct) with { EditPressedMessage = true });
                break;
            case "c" when parts.Length == 2 && int.TryParse(parts[1], out var id):
                var card = await views.CardAsync(ctx, id, ct);
                if (card is null)
                {
                    ctx.CallbackToast = HouseholdTexts.NotAvailable;
                    ctx.Reply(HouseholdTexts.NotAvailable);
                }
                else ctx.Reply(card);
                break;
            case "fd":
                ctx.Reply(await views.DesaMenuAsync(ctx, ct) with { EditPressedMessage = true });
                break;
            case "fk":
                ctx.Reply(KpmViews.KomponenMenu() with { EditPressedMessage = true });
                break;
            default:
                ctx.Reply(Conversation.Texts.StaleButton);
                break;
        }
    }
}
