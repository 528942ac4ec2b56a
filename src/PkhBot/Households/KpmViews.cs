using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>The household list (paginated, filtered) and the household card, for /kpm, /cari and their buttons.</summary>
public sealed class KpmViews(IOptions<ReportingOptions> options)
{
    public const int PageSize = 10;

    public async Task<Reply> ListAsync(ConversationContext ctx, int page, string filter, CancellationToken ct)
    {
        var days = options.Value.NotVisitedDays;
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var q = KpmFilter.Apply(scope, ctx.Db, filter, ctx.Now.AddDays(-days));
        var total = await q.CountAsync(ct);
        string? desaName = filter.StartsWith('d') && int.TryParse(filter[1..], out var did)
            ? await ctx.Db.Desa.Where(d => d.Id == did).Select(d => d.Nama).FirstOrDefaultAsync(ct) : null;
        var label = KpmFilter.Label(filter, desaName, days);
        var pages = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, Math.Max(pages - 1, 0));
        var rows = await q.OrderBy(h => h.NamaPengurus).ThenBy(h => h.Id).Skip(page * PageSize).Take(PageSize)
            .Select(h => new { H = h, Desa = h.Desa!.Nama }).ToListAsync(ct);

        var text = HouseholdTexts.ListHeader(total, label, page, pages) + "\n";
        if (total == 0) text += filter.Length == 0 ? HouseholdTexts.NoneInScope : HouseholdTexts.NoneWithFilter;
        text += string.Join("\n", rows.Select((r, i) => HouseholdTexts.Line(page * PageSize + i + 1, r.H, r.Desa, r.H.LastReportAt)));

        var kb = new List<IReadOnlyList<Button>>();
        kb.AddRange(rows.Select(r => (IReadOnlyList<Button>)[Button.Callback(ReportKeyboards.Short(r.H.NamaPengurus) + " · " + r.H.IdKpm, $"kpm:c:{r.H.Id}")]));
        var nav = new List<Button>();
        if (page > 0) nav.Add(Button.Callback("« Sebelumnya", $"kpm:l:{page - 1}:{filter}"));
        if (page < pages - 1) nav.Add(Button.Callback("Berikutnya »", $"kpm:l:{page + 1}:{filter}"));
        if (nav.Count > 0) kb.Add(nav);
        kb.Add([Button.Callback($"Belum dikunjungi {days} hr", "kpm:l:0:v"), Button.Callback("Ada tindak lanjut", "kpm:l:0:t")]);
        kb.Add([Button.Callback("Filter desa", "kpm:fd"), Button.Callback("Filter komponen", "kpm:fk"), Button.Callback("Semua", "kpm:l:0:")]);
        return new Reply(text.TrimEnd()) { Keyboard = new Keyboard(kb) };
    }

    public async Task<Reply?> CardAsync(ConversationContext ctx, int householdId, CancellationToken ct)
    {
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).AsNoTracking()
            .Include(x => x.Desa).Include(x => x.Kecamatan).Include(x => x.Pendamping)
            .FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return null;
        var reports = await ctx.Db.Reports.AsNoTracking().Where(r => r.HouseholdId == h.Id && !r.Withdrawn)
            .OrderByDescending(r => r.EventAt).ThenByDescending(r => r.Id).Take(5).ToListAsync(ct);
        var followUps = await ctx.Db.FollowUps.AsNoTracking().Where(f => f.HouseholdId == h.Id && f.Status == FollowUpStatus.Open)
            .OrderBy(f => f.DueDate).Take(5).ToListAsync(ct);
        var pendamping = ctx.Caller.IsPendamping ? null : h.Pendamping?.Nama ?? "(belum ada)";
        var buttons = new List<Button>();
        if (ctx.Caller.IsPendamping) buttons.Add(Button.Callback("📝 Lapor", $"lf:start:{h.Id}"));
        buttons.Add(Button.Callback("« Daftar", "kpm:l:0:"));
        var referrals = await Referrals.ReferralCard.TextAsync(ctx.Db, h.Id, ct);
        if (h.Status == HouseholdStatus.GraduasiMandiri && await GraduationFigures.HasStatementAsync(ctx.Db, h.Id, ct) is bool signed)
            referrals = HouseholdTexts.Statement(signed) + referrals;
        return new Reply(WithEstimate(ctx, h, HouseholdTexts.Card(h, pendamping, reports, followUps)) + referrals) { Keyboard = Keyboard.Of(buttons) };
    }

    /// <summary>The household's benefit estimate from its komponen counts, by the knowledge base's calculator, under the komponen line.</summary>
    private static string WithEstimate(ConversationContext ctx, Household h, string card)
    {
        if (ctx.Services.GetService<Knowledge.KnowledgeService>()?.Index.Calculator is not { } calculator) return card;
        var family = Knowledge.Family.FromCounts(h.IbuHamil, h.AnakUsiaDini, h.Sd, h.Smp, h.Sma, h.DisabilitasBerat, h.Lansia);
        var line = Html.Escape(Knowledge.KnowledgeTexts.BenefitCardLine(calculator.Estimate(family, ctx.Now.Year)));
        var komponen = card.IndexOf("Komponen: ", StringComparison.Ordinal);
        var at = komponen < 0 ? -1 : card.IndexOf('\n', komponen);
        return at < 0 ? card + "\n" + line : card.Insert(at + 1, line + "\n");
    }

    public async Task<Reply> DesaMenuAsync(ConversationContext ctx, CancellationToken ct)
    {
        var desa = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Where(h => h.DesaId != null)
            .GroupBy(h => new { h.DesaId, h.Desa!.Nama }).OrderByDescending(g => g.Count()).Take(20)
            .Select(g => new { g.Key.DesaId, g.Key.Nama, N = g.Count() }).ToListAsync(ct);
        return new Reply(HouseholdTexts.PickDesa)
        {
            Keyboard = Keyboard.Column(desa.OrderBy(d => d.Nama).Select(d => Button.Callback($"{d.Nama} ({d.N})", $"kpm:l:0:d{d.DesaId}"))),
        };
    }

    public static Reply KomponenMenu() => new(HouseholdTexts.PickKomponen)
    {
        Keyboard = new Keyboard(KpmFilter.Komponen.Chunk(4).Select(c => (IReadOnlyList<Button>)c.Select(k => Button.Callback(k.Label, $"kpm:l:0:{k.Code}")).ToList()).ToList()),
    };
}
