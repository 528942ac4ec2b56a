using System.Globalization;
using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>
/// /batal: without a number it stops whatever guided step is running (the router already ended it);
/// /batal NO withdraws one's own report within the window, never someone else's.
/// </summary>
public sealed class BatalCommand(ReportService reports) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("batal", "Batalkan isian, atau tarik laporan: /batal NO", CommandSpec.Everyone, ["cancel"]);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var arg = ctx.Message.Args.TrimStart('#');
        if (arg.Length == 0)
        {
            ctx.Reply(ReportingTexts.FlowStopped(ctx.Caller.IsPendamping));
            return;
        }
        if (!ctx.Caller.IsPendamping)
        {
            ctx.Reply(ReportingTexts.NeedPendamping);
            return;
        }
        if (!int.TryParse(arg.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.Reply(ReportingTexts.WithdrawUsage);
            return;
        }
        var (outcome, report) = await reports.WithdrawAsync(ctx, id, ct);
        ctx.Reply(outcome switch
        {
            WithdrawOutcome.Withdrawn => ReportingTexts.Withdrawn(report!),
            WithdrawOutcome.TooLate => ReportingTexts.WithdrawTooLate(id, reports.Options.WithdrawHours),
            WithdrawOutcome.AlreadyWithdrawn => ReportingTexts.AlreadyWithdrawn(id),
            // Someone else's report looks exactly like a missing one: nothing about it is revealed.
            _ => ReportingTexts.WithdrawNotFound(id),
        });
    }
}
