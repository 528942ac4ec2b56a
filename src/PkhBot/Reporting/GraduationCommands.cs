using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

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
            ctx.Reply(ReportingTexts.NoCandidates(r));
            return;
        }
        var mandiri = list.Count(c => c.Suggested == GraduationType.Mandiri);
        var sb = new StringBuilder(ReportingTexts.CandidatesHeader(list.Count, mandiri)).Append('\n');
        foreach (var c in list.Take(30))
            sb.Append("\n• ").Append(Html.Escape(c.Nama)).Append(" (<code>").Append(Html.Escape(c.IdKpm)).Append("</code>) → ")
              .Append(ReportingTexts.GraduationTypeName(c.Suggested)).Append(": ").Append(Html.Escape(string.Join("; ", c.Rules)));
        if (list.Count > 30) sb.Append('\n').Append(ReportingTexts.AndMore(list.Count - 30));
        sb.Append("\n\n").Append(ReportingTexts.CandidatesRecordHint);
        ctx.Reply(sb.ToString(), Keyboard.Column(list.Take(8).Select(c => Button.Callback(ReportKeyboards.Short(c.Nama) + " · " + c.IdKpm, $"kpm:c:{c.HouseholdId}"))));
    }
}
