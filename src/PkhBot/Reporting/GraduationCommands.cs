using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>/graduasi ID mandiri|alamiah alasan: records the graduation, changes the status, audits it.</summary>
public sealed class GraduasiCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("graduasi", "Catat graduasi: /graduasi ID mandiri|alamiah alasan", CommandSpec.Staff);

    private const string Usage = "Format: <code>/graduasi ID mandiri|alamiah alasan</code>\nmis. <code>/graduasi 3522011234 mandiri usaha warung stabil, sudah tanda tangan surat pernyataan</code>";

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var parts = ctx.Message.Args.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            ctx.Reply(Usage);
            return;
        }
        GraduationType? type = NameSearch.Normalize(parts[1]) switch
        {
            var w when w.StartsWith("mandiri", StringComparison.Ordinal) || NameSearch.Distance(w, "mandiri") <= 1 => GraduationType.Mandiri,
            var w when w.StartsWith("alami", StringComparison.Ordinal) || NameSearch.Distance(w, "alamiah") <= 1 => GraduationType.Alamiah,
            _ => null,
        };
        if (type is null)
        {
            ctx.Reply($"Jenis graduasi <i>{Html.Escape(parts[1])}</i> tidak dikenal: pilih <b>mandiri</b> atau <b>alamiah</b>.\n" + Usage);
            return;
        }
        var id = parts[0];
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).FirstOrDefaultAsync(x => x.IdKpm == id, ct);
        if (h is null)
        {
            // Outside the caller's scope reads exactly like a missing ID: whether it exists is not told.
            ctx.Reply($"KPM <code>{Html.Escape(id)}</code> tidak ditemukan di data Anda. Cari dengan /cari NAMA.");
            return;
        }
        if (h.Status is HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah)
        {
            ctx.Reply($"{Html.Escape(h.NamaPengurus)} sudah tercatat {HouseholdTexts.Status(h.Status).ToLowerInvariant()}. Tidak ada yang diubah.");
            return;
        }
        var pendampingId = ctx.Caller.PendampingId ?? h.PendampingId;
        if (pendampingId is null)
        {
            ctx.Reply("KPM ini belum punya pendamping; tetapkan pendampingnya dulu lewat admin.");
            return;
        }
        var g = new Graduation
        {
            HouseholdId = h.Id,
            PendampingId = pendampingId.Value,
            Type = type.Value,
            Reason = parts[2].Length > 1000 ? parts[2][..1000] : parts[2],
            GraduatedAt = ctx.Now,
            RecordedAt = ctx.Now,
        };
        ctx.Db.Graduations.Add(g);
        h.Status = type == GraduationType.Mandiri ? HouseholdStatus.GraduasiMandiri : HouseholdStatus.GraduasiAlamiah;
        h.UpdatedAt = ctx.Now;
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("graduation.create", nameof(Graduation), g.Id.ToString(), $"household:{h.Id} jenis:{type.Value.ToString().ToLowerInvariant()}");
        ctx.Reply($"🎓 Graduasi {type.Value.ToString().ToLowerInvariant()} tercatat. <b>No. {g.Id}</b>\n{Html.Escape(h.NamaPengurus)} ({Html.Escape(h.IdKpm)}) kini berstatus {HouseholdTexts.Status(h.Status)}.");
    }
}

/// <summary>/kandidat: households that look ready for graduasi, each with the rule that fired.</summary>
public sealed class KandidatCommand(GraduationCandidates candidates) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("kandidat", "KPM yang tampak siap graduasi", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var list = await candidates.FindAsync(ctx.Db, ctx.Caller, ctx.Now, ct);
        var r = candidates.Rules;
        if (list.Count == 0)
        {
            ctx.Reply($"Belum ada kandidat graduasi. Aturan: penghasilan ≥ {Wib.Rupiah(r.IncomeThresholdRupiah)}/bulan di {r.MonthsRequired} dari {r.MonthsWindow} bulan terakhir, usaha berjalan ≥ {r.BusinessMonths} bulan, atau tanpa komponen.");
            return;
        }
        var mandiri = list.Count(c => c.Suggested == GraduationType.Mandiri);
        var sb = new StringBuilder($"<b>Kandidat graduasi: {list.Count}</b> (mandiri {mandiri}, alamiah {list.Count - mandiri})\n");
        foreach (var c in list.Take(30))
            sb.Append("\n• ").Append(Html.Escape(c.Nama)).Append(" (<code>").Append(Html.Escape(c.IdKpm)).Append("</code>) → ")
              .Append(c.Suggested == GraduationType.Mandiri ? "mandiri" : "alamiah").Append(": ").Append(Html.Escape(string.Join("; ", c.Rules)));
        if (list.Count > 30) sb.Append("\n… dan ").Append(list.Count - 30).Append(" lainnya.");
        sb.Append("\n\nCatat dengan <code>/graduasi ID mandiri|alamiah alasan</code> setelah asesmen di rumah KPM.");
        ctx.Reply(sb.ToString(), Keyboard.Column(list.Take(8).Select(c => Button.Callback(ReportKeyboards.Short(c.Nama) + " · " + c.IdKpm, $"kpm:c:{c.HouseholdId}"))));
    }
}
