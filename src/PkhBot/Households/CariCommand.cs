using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>/cari TEXT: name or ID within scope, tolerant of case, spacing, punctuation and small typos.</summary>
public sealed class CariCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("cari", "Cari KPM menurut nama atau ID", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var q = ctx.Message.Args;
        if (q.Length < 2)
        {
            ctx.Reply(HouseholdTexts.CariUsage);
            return;
        }
        var hits = await HouseholdSearch.SearchAsync(ctx.Db, ctx.Caller, q, 10, ct);
        if (hits.Count == 0)
        {
            ctx.Reply(HouseholdTexts.CariNone(q));
            return;
        }
        var lines = hits.Select((h, i) => $"{i + 1}. {Html.Escape(h.Nama)} · <code>{Html.Escape(h.IdKpm)}</code> · {Html.Escape(h.Desa ?? "-")}");
        ctx.Reply(HouseholdTexts.CariHeader(q, hits.Count) + "\n" + string.Join("\n", lines),
            Keyboard.Column(hits.Select(h => ReportKeyboards.HouseholdButton(h, $"kpm:c:{h.Id}"))));
    }
}
