using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// /batal: without a number it stops whatever guided step is running (the router already ended it);
/// /batal NO withdraws one's own report within the window, never someone else's; /batal G&lt;no&gt; undoes one's own
/// graduation within the same window.
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
        if (arg.Length > 1 && arg[0] is 'G' or 'g' && int.TryParse(arg[1..].Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var graduation))
        {
            await UndoGraduationAsync(ctx, graduation, ct);
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

    private async Task UndoGraduationAsync(ConversationContext ctx, int id, CancellationToken ct)
    {
        // Only the person who confirmed it; anyone else's reads exactly like a missing one.
        var g = await ctx.Db.Graduations.Include(x => x.Household).FirstOrDefaultAsync(x => x.Id == id && x.RecordedByUserId == ctx.Caller.UserId, ct);
        if (g is null || !HouseholdScope.CanAct(ctx.Caller))
        {
            ctx.Reply(ReportingTexts.GraduationUndoNotFound(id));
            return;
        }
        var hours = reports.Options.WithdrawHours;
        if (ctx.Now - g.RecordedAt > TimeSpan.FromHours(hours))
        {
            ctx.Reply(ReportingTexts.GraduationUndoTooLate(id, hours));
            return;
        }
        var h = g.Household!;
        h.Status = g.PreviousStatus;
        h.UpdatedAt = ctx.Now;
        ctx.Db.Graduations.Remove(g);
        ctx.Audit("graduation.undo", nameof(Graduation), id.ToString(CultureInfo.InvariantCulture), $"household:{h.Id}");
        ctx.Reply(ReportingTexts.GraduationUndone(id, h));
    }
}
