using System.Text;
using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>/cekdata (koordinator, admin): data-quality numbers first, then the details. NIK is always masked.</summary>
public sealed class CekDataCommand(DataQualityReport report, Reconciliation.ReconciliationLog reconciliations) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("cekdata", "Cek kualitas data: NIK ganda, tanpa pendamping/desa, beban pendamping, per kecamatan", CommandSpec.Coordinators);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var r = await report.BuildAsync(ctx.Db, ctx.Caller, ct);
        var sb = new StringBuilder("<b>Cek data</b>\n");
        sb.Append("KPM: ").Append(r.Households).Append(" · aktif ").Append(r.Active).Append('\n');
        sb.Append("NIK ganda: ").Append(r.DuplicateNikGroups).Append(" kelompok\n");
        sb.Append("Tanpa pendamping: ").Append(r.WithoutPendamping).Append('\n');
        sb.Append("Tanpa desa: ").Append(r.WithoutDesa).Append('\n');
        sb.Append("NIK tidak 16 digit: ").Append(r.NikNot16Digits).Append('\n');
        sb.Append("Pendamping &gt; ").Append(r.UsualCaseload).Append(" KPM: ").Append(r.Overloaded.Count).Append('\n');
        if (r.Duplicates.Count > 0)
        {
            sb.Append("\n<b>NIK ganda</b>");
            foreach (var d in r.Duplicates) sb.Append("\n• ").Append(d.MaskedNik).Append(": ").Append(Html.Escape(string.Join(", ", d.IdKpm)));
            sb.Append('\n');
        }
        if (r.WithoutPendampingSample.Count > 0)
            sb.Append("\n<b>Tanpa pendamping</b> (contoh): ").Append(Html.Escape(string.Join(", ", r.WithoutPendampingSample))).Append('\n');
        if (r.Overloaded.Count > 0)
        {
            sb.Append("\n<b>Pendamping di atas ").Append(r.UsualCaseload).Append(" KPM</b>");
            foreach (var o in r.Overloaded) sb.Append("\n• ").Append(Html.Escape(o.Nama)).Append(": ").Append(o.Households);
            sb.Append('\n');
        }
        sb.Append("\n<b>Per kecamatan</b> (KPM / aktif / pendamping)");
        foreach (var k in r.PerKecamatan) sb.Append("\n• ").Append(Html.Escape(k.Kecamatan)).Append(": ").Append(k.Households).Append(" / ").Append(k.Active).Append(" / ").Append(k.Pendamping);
        sb.Append('\n').Append(Reconciliation.ReconciliationTexts.CekDataSection(await reconciliations.LatestForAsync(ctx.Caller, ct), Wib.Offset));
        ctx.Reply(sb.ToString());
    }
}
