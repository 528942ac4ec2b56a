using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Referrals;

public sealed class RujukData
{
    public int? HouseholdId { get; set; }
    public string? Nama { get; set; }
    public string? Desa { get; set; }
    public string? Mitra { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// /rujuk: a pendamping hands a household to a partner agency. In one line (<c>/rujuk ID MITRA catatan</c>) or
/// guided (ID, a mitra button, the note); either way nothing is sent until the Kirim button.
/// </summary>
public sealed class RujukFlow(ReferralDesk desk) : ICommandHandler, IFlowHandler, ICallbackHandler
{
    public const string Name = "rujuk";
    private enum Step { Household, Mitra, Note, Confirm }
    private const int MinNote = 5, MaxNote = 400;

    public CommandSpec Spec { get; } = new("rujuk", "Rujuk KPM ke mitra (OPD/program): /rujuk ID MITRA catatan", CommandSpec.PendampingOnly);
    public string Flow => Name;
    public string Prefix => "rj";

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var parts = ctx.Message.Args.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var data = new RujukData();
        if (parts.Length == 0)
        {
            await ctx.StartFlowAsync(Name, nameof(Step.Household), data, ct: ct);
            ctx.Reply(ReferralTexts.AskHousehold, Keyboard.Of([Cancel]));
            return;
        }
        if (!await TakeHouseholdAsync(ctx, data, parts[0], ct)) return;
        await ctx.StartFlowAsync(Name, nameof(Step.Mitra), data, ct: ct);
        if (parts.Length < 2) { AskMitra(ctx, data); return; }
        if (desk.Catalogue.Find(parts[1]) is not { } mitra) { AskMitra(ctx, data, ReferralTexts.UnknownMitra(parts[1], desk.Catalogue.All)); return; }
        if (!await TakeMitraAsync(ctx, data, mitra, ct)) return;
        if (parts.Length < 3) { AskNote(ctx, data); return; }
        TakeNote(ctx, data, parts[2]);
    }

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var data = ConversationContext.ReadFlowData<RujukData>(state);
        var text = ctx.Message.Text?.Trim() ?? "";
        if (text.Equals("batal", StringComparison.OrdinalIgnoreCase))
        {
            await CancelAsync(ctx, ct);
            return;
        }
        switch (Enum.TryParse<Step>(state.Step, out var step) ? step : Step.Household)
        {
            case Step.Household:
                if (await TakeHouseholdAsync(ctx, data, text, ct)) AskMitra(ctx, data);
                break;
            case Step.Mitra:
                if (desk.Catalogue.Find(text) is { } mitra) { if (await TakeMitraAsync(ctx, data, mitra, ct)) AskNote(ctx, data); }
                else AskMitra(ctx, data, ReferralTexts.UnknownMitra(text, desk.Catalogue.All));
                break;
            case Step.Note:
                TakeNote(ctx, data, text);
                break;
            default:
                ctx.Reply(ReferralTexts.Confirm(data.Nama!, data.Desa!, desk.Catalogue.Find(data.Mitra)!, data.Note!), ConfirmButtons);
                break;
        }
    }

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || ctx.Flow?.Flow != Name)
        {
            ctx.CallbackToast = "Sesi berakhir";
            ctx.Reply(ReferralTexts.Expired);
            return;
        }
        var data = ConversationContext.ReadFlowData<RujukData>(ctx.Flow);
        var parts = payload.Split(':', 2);
        switch (parts[0])
        {
            case "x":
                await CancelAsync(ctx, ct);
                break;
            case "m" when parts.Length == 2 && data.HouseholdId is not null && desk.Catalogue.Find(parts[1]) is { } mitra:
                if (await TakeMitraAsync(ctx, data, mitra, ct)) AskNote(ctx, data);
                break;
            case "ok" when ctx.Flow.Step == nameof(Step.Confirm) && data.HouseholdId is int id && desk.Catalogue.Find(data.Mitra) is { } chosen:
                await ctx.EndFlowAsync(ct);
                // Checked again: the household may have moved to another pendamping since the flow began.
                var h = await ctx.Db.Households.AsNoTrackingWithIdentityResolution()
                    .Include(x => x.Desa).FirstOrDefaultAsync(x => x.Id == id && x.PendampingId == ctx.Caller.PendampingId, ct);
                if (h is null) { ctx.Reply(ReferralTexts.Expired); return; }
                if (await ReferralDesk.OpenForAsync(ctx, h.Id, chosen.Code, ct) is { } open) { ctx.Reply(ReferralTexts.AlreadyOpen(open.Id, chosen, open.Status)); return; }
                ctx.CallbackToast = "Terkirim";
                await desk.CreateAsync(ctx, h, chosen, data.Note!, ct);
                break;
            default:
                ctx.Reply(Conversation.Texts.StaleButton);
                break;
        }
    }

    private static Button Cancel => Button.Callback("Batal", "rj:x");
    private static Keyboard ConfirmButtons => Keyboard.Of([Button.Callback("📨 Kirim", "rj:ok"), Cancel]);

    private static async Task<bool> TakeHouseholdAsync(ConversationContext ctx, RujukData data, string idKpm, CancellationToken ct)
    {
        var h = await HouseholdScope.FindVisibleAsync(ctx.Db, ctx.Caller, idKpm.Trim(), ct);
        if (h is null)
        {
            ctx.Reply(ReferralTexts.HouseholdNotFound(idKpm.Trim()));
            return false;
        }
        data.HouseholdId = h.Id;
        data.Nama = h.NamaPengurus;
        data.Desa = h.Desa?.Nama ?? "-";
        return true;
    }

    private void AskMitra(ConversationContext ctx, RujukData data, string? hint = null)
    {
        ctx.UpdateFlow(nameof(Step.Mitra), data);
        ctx.Reply(hint ?? ReferralTexts.ChooseMitra(data.Nama!),
            Keyboard.Column(desk.Catalogue.All.Select(m => Button.Callback($"{m.Code}: {Short(m.Name)}", $"rj:m:{m.Code}")).Append(Cancel)));
    }

    private static async Task<bool> TakeMitraAsync(ConversationContext ctx, RujukData data, Mitra mitra, CancellationToken ct)
    {
        if (await ReferralDesk.OpenForAsync(ctx, data.HouseholdId!.Value, mitra.Code, ct) is { } open)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReferralTexts.AlreadyOpen(open.Id, mitra, open.Status));
            return false;
        }
        data.Mitra = mitra.Code;
        return true;
    }

    private static void AskNote(ConversationContext ctx, RujukData data)
    {
        ctx.UpdateFlow(nameof(Step.Note), data);
        ctx.Reply(ReferralTexts.AskNote, Keyboard.Of([Cancel]));
    }

    private void TakeNote(ConversationContext ctx, RujukData data, string note)
    {
        note = Privacy.Mask.Text(note.Trim());
        if (note.Length < MinNote)
        {
            AskNote(ctx, data);
            ctx.Reply(ReferralTexts.NoteTooShort);
            return;
        }
        data.Note = note.Length > MaxNote ? note[..MaxNote] : note;
        ctx.UpdateFlow(nameof(Step.Confirm), data);
        ctx.Reply(ReferralTexts.Confirm(data.Nama!, data.Desa!, desk.Catalogue.Find(data.Mitra)!, data.Note), ConfirmButtons);
    }

    private static async Task CancelAsync(ConversationContext ctx, CancellationToken ct)
    {
        await ctx.EndFlowAsync(ct);
        ctx.Reply(ReferralTexts.Cancelled);
    }

    private static string Short(string s) => s.Length <= 28 ? s : s[..27] + "…";
}
