using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// /lapor: one line (<c>/lapor ID KATEGORI catatan</c>) saves at once with a receipt; no arguments starts the
/// guided flow. An unknown ID is answered with the closest IDs in scope; another pendamping's household is
/// refused without showing anything of it.
/// </summary>
public sealed class LaporCommand(ReportService reports) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("lapor", "Kirim laporan perkembangan KPM", CommandSpec.PendampingOnly);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var args = ctx.Message.Args;
        if (args.Length == 0)
        {
            await LaporFlow.StartAsync(ctx, new LaporFlowData(), ct);
            return;
        }
        var parts = args.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var id = parts[0];
        var household = await HouseholdScope.FindVisibleAsync(ctx.Db, ctx.Caller, id, ct);
        var category = parts.Length > 1 ? ReportCategories.Parse(parts[1]) : null;
        var note = category is null ? string.Join(' ', parts.Skip(1)) : parts.Length > 2 ? parts[2] : "";

        if (household is null)
        {
            // Outside the caller's scope reads exactly like a missing ID: whether it exists is not told.
            await SuggestAsync(ctx, id, category, note, ct);
            return;
        }
        if (category is null)
        {
            // "/lapor 3522011234 buka warung" (no category): keep the note, ask the category with buttons.
            var data = new LaporFlowData { HouseholdId = household.Id, Note = note.Length > 0 ? note : null, NoteAt = ctx.Now, Quick = note.Length > 0 };
            if (parts.Length > 1) ctx.Reply(ReportingTexts.UnknownCategory(parts[1]));
            await LaporFlow.AskCategoryAsync(ctx, data, household, ct);
            return;
        }
        if (note.Length == 0) note = ReportCategories.Name(category.Value);
        var parsed = ReportNoteParser.Parse(note, ctx.Now, category);
        var saved = await reports.SaveAsync(ctx, new ReportDraft(household, category.Value, note, parsed) { PhotoFileId = ctx.Message.PhotoFileId }, ct);
        ctx.Reply(ReportingTexts.Receipt(saved, household, parsed, reports.Options.WithdrawHours));
    }

    private static async Task SuggestAsync(ConversationContext ctx, string id, ReportCategory? category, string note, CancellationToken ct)
    {
        var hits = await HouseholdSearch.SearchAsync(ctx.Db, ctx.Caller, id, 5, ct);
        ctx.Reply(ReportingTexts.NotFound(id, hits.Count > 0));
        if (hits.Count == 0) return;
        var data = new LaporFlowData { Category = category, Note = note.Length > 0 ? note : null, NoteAt = ctx.Now, Quick = category is not null && note.Length > 0 };
        await ctx.StartFlowAsync(LaporFlow.Name, "hh", data, ct: ct);
        ctx.Reply(ReportingTexts.PickHousehold, Keyboard.Column(hits.Select(h => ReportKeyboards.HouseholdButton(h, $"lf:hh:{h.Id}"))
            .Append(Button.Callback("Batal", "lf:x"))));
    }
}
