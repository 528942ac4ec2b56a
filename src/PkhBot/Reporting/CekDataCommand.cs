using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>/cekdata (koordinator, admin): data-quality numbers first, then the details. NIK is always masked.</summary>
public sealed class CekDataCommand(DataQualityReport report, Reconciliation.ReconciliationLog reconciliations) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("cekdata", "Cek kualitas data: NIK ganda, tanpa pendamping/desa, beban pendamping, per kecamatan", CommandSpec.Coordinators);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var r = await report.BuildAsync(ctx.Db, ctx.Caller, ct);
        ctx.Reply(ReportingTexts.DataCheck(r) + "\n" + Reconciliation.ReconciliationTexts.CekDataSection(await reconciliations.LatestForAsync(ctx.Caller, ct), Wib.Offset));
    }
}
