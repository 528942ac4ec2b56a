using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed class ProposalData
{
    public int HouseholdId { get; set; }
    public ReportCategory Category { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset NoteAt { get; set; }
}

/// <summary>
/// A pendamping's free text that reads like a report ("Bu Siti Aminah sudah buka warung, omzet 1,5 juta
/// sebulan") becomes a proposal with Simpan / Ubah kategori / Batal; it is saved only after Simpan.
/// Questions and texts naming no household of the caller return false, so the knowledge base answers.
/// The pending proposal is a flow ("usulan"): a different next message drops it and is handled as usual.
/// </summary>
public sealed class FreeTextReport(IReportExtractor extractor, ReportService reports, IServiceProvider services)
    : IFreeTextHandler, ICallbackHandler, IFlowHandler
{
    public const string FlowName = "usulan";
    public int Order => 10;
    public string Prefix => "ft";
    public string Flow => FlowName;

    public async Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var text = ctx.Message.Text;
        if (!ctx.Caller.IsPendamping || string.IsNullOrWhiteSpace(text) || ctx.Message.PhotoFileId is not null || ctx.Message.Location is not null) return false;
        var proposal = await extractor.ExtractAsync(ctx, text, ct);
        // A report about someone not in their list is not a programme question (issue 18, point 5).
        if (proposal is null) return await UnlistedHouseholdReport.TryReplyAsync(ctx, text, ct);
        if (proposal.IsNotInScope)
        {
            ctx.Reply(ReportingTexts.FreeTextNotInScope);
            return true;
        }
        var h = await FindAsync(ctx, proposal.HouseholdId, ct);
        if (h is null) return false;
        var data = new ProposalData { HouseholdId = h.Id, Category = proposal.Category, Note = proposal.Note, NoteAt = ctx.Now };
        await ctx.StartFlowAsync(FlowName, "confirm", data, TimeSpan.FromHours(1), ct);
        Propose(ctx, h, data);
        return true;
    }

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var text = ctx.Message.Text?.Trim() ?? "";
        var data = ConversationContext.ReadFlowData<ProposalData>(state);
        if (LaporFlow.IsWord(text, "batal", "tidak", "jangan"))
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply("Tidak disimpan.");
            return;
        }
        if (LaporFlow.IsWord(text, "simpan", "ya", "ok", "oke"))
        {
            await SaveAsync(ctx, data, ct);
            return;
        }
        // Anything else: the proposal lapses and the message is handled as if none was pending.
        await ctx.EndFlowAsync(ct);
        foreach (var handler in services.GetServices<IFreeTextHandler>().OrderBy(h => h.Order))
            if (await handler.TryHandleAsync(ctx, ct)) return;
        ctx.Reply(Conversation.Texts.NotUnderstood);
    }

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || ctx.Flow?.Flow != FlowName)
        {
            ctx.CallbackToast = "Sesi berakhir";
            ctx.Reply("Usulan laporan ini sudah tidak berlaku. Kirim ulang catatannya, atau pakai /lapor.");
            return;
        }
        var data = ConversationContext.ReadFlowData<ProposalData>(ctx.Flow);
        switch (payload)
        {
            case "ok":
                await SaveAsync(ctx, data, ct);
                break;
            case "no":
                await ctx.EndFlowAsync(ct);
                ctx.Reply("Tidak disimpan.");
                break;
            case "cat":
                ctx.Reply("Pilih kategori yang benar:", ReportKeyboards.Categories("ft:set:", "ft:no"));
                break;
            default:
                if (payload.StartsWith("set:", StringComparison.Ordinal) && ReportCategories.Parse(payload[4..]) is { } c)
                {
                    var h = await FindAsync(ctx, data.HouseholdId, ct);
                    if (h is null) { await ctx.EndFlowAsync(ct); ctx.Reply(ReportingTexts.ButtonNotInScope); return; }
                    data.Category = c;
                    ctx.UpdateFlow("confirm", data, TimeSpan.FromHours(1));
                    Propose(ctx, h, data);
                }
                else ctx.Reply(Conversation.Texts.StaleButton);
                break;
        }
    }

    private async Task SaveAsync(ConversationContext ctx, ProposalData data, CancellationToken ct)
    {
        await ctx.EndFlowAsync(ct);
        var h = await FindAsync(ctx, data.HouseholdId, ct);
        if (h is null)
        {
            ctx.Reply(ReportingTexts.ButtonNotInScope);
            return;
        }
        var parsed = ReportNoteParser.Parse(data.Note, data.NoteAt, data.Category);
        var saved = await reports.SaveAsync(ctx, new ReportDraft(h, data.Category, data.Note, parsed), ct);
        ctx.Reply(ReportingTexts.Receipt(saved, h, parsed, reports.Options.WithdrawHours));
    }

    private static void Propose(ConversationContext ctx, Household h, ProposalData data)
    {
        var parsed = ReportNoteParser.Parse(data.Note, data.NoteAt, data.Category);
        ctx.Reply("Ini laporan? Saya menangkap:\n\n" + ReportingTexts.Summary(h, data.Category, data.Note, parsed, null, false) + "\n\nSimpan?",
            Keyboard.Of([Button.Callback("✅ Simpan", "ft:ok"), Button.Callback("Ubah kategori", "ft:cat"), Button.Callback("Batal", "ft:no")]));
    }

    private static Task<Household?> FindAsync(ConversationContext ctx, int id, CancellationToken ct)
        => HouseholdScope.Visible(ctx.Db, ctx.Caller).Include(h => h.Desa).FirstOrDefaultAsync(h => h.Id == id, ct);
}
