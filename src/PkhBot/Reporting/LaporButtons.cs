using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>
/// The "lf:" buttons of guided /lapor: start:{householdId} (from a card), hh:{householdId}, cat:{name},
/// due:{days}, skip, save, x. The payload is untrusted: the household is looked up again in the caller's scope.
/// </summary>
public sealed class LaporButtons(ReportService reports) : ICallbackHandler
{
    public string Prefix => "lf";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping)
        {
            ctx.CallbackToast = ReportingTexts.ButtonNotInScope;
            ctx.Reply(ReportingTexts.NeedPendamping);
            return;
        }
        var (action, arg) = Split(payload);
        if (action == "start")
        {
            var h0 = int.TryParse(arg, out var sid) ? await LaporFlow.FindAsync(ctx, sid, ct) : null;
            if (h0 is null) { ctx.Reply(ReportingTexts.ButtonNotInScope); return; }
            await LaporFlow.AskCategoryAsync(ctx, new LaporFlowData { HouseholdId = h0.Id }, h0, ct);
            return;
        }
        if (ctx.Flow?.Flow != LaporFlow.Name)
        {
            ctx.CallbackToast = "Sesi berakhir";
            ctx.Reply(ReportingTexts.FlowGone);
            return;
        }
        var data = ConversationContext.ReadFlowData<LaporFlowData>(ctx.Flow);
        switch (action)
        {
            case "x":
                await ctx.EndFlowAsync(ct);
                ctx.Reply(ReportingTexts.Cancelled);
                break;
            case "hh":
                var h = int.TryParse(arg, out var id) ? await LaporFlow.FindAsync(ctx, id, ct) : null;
                if (h is null) { ctx.Reply(ReportingTexts.ButtonNotInScope); return; }
                data.HouseholdId = h.Id;
                await LaporFlow.AfterHouseholdAsync(ctx, data, h, ct);
                break;
            case "cat":
                if (data.HouseholdId is null || ReportCategories.Parse(arg) is not { } c) { ctx.Reply(ReportingTexts.FlowGone); return; }
                await LaporFlow.SetCategoryAsync(ctx, data, c, ct);
                break;
            case "due":
                if (int.TryParse(arg, out var days) && days is > 0 and <= 366) { data.DueDays = days; LaporFlow.AskPhoto(ctx, data); }
                else ctx.Reply(ReportingTexts.AskDueAgain, LaporFlow.DueKeyboard());
                break;
            case "skip":
                if (ctx.Flow.Step == "photo") LaporFlow.AskLocation(ctx, data);
                else if (ctx.Flow.Step == "loc") await LaporFlow.AskConfirmAsync(ctx, data, ct);
                else ctx.Reply(ReportingTexts.FlowGone);
                break;
            case "save":
                await LaporFlow.SaveAsync(ctx, data, reports, ct);
                break;
            default:
                ctx.Reply(ReportingTexts.FlowGone);
                break;
        }
    }

    private static (string Action, string Arg) Split(string payload)
    {
        var i = payload.IndexOf(':');
        return i < 0 ? (payload, "") : (payload[..i], payload[(i + 1)..]);
    }
}
