using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed class GraduationData
{
    public int HouseholdId { get; set; }
    public GraduationType Type { get; set; }
    public string Reason { get; set; } = "";
    public int? GraduationId { get; set; }
}

/// <summary>
/// /graduasi ID mandiri|alamiah alasan changes nothing until the Catat button; a mandiri graduation then asks for a
/// photo of the signed surat pernyataan (Lewati leaves it missing, shown on the card and in /ppse; /graduasi ID surat
/// sends it later). /batal G&lt;no&gt; undoes it within Reporting:WithdrawHours, like a report.
/// </summary>
public sealed class GraduationFlow(IOptions<ReportingOptions> options) : ICommandHandler, ICallbackHandler, IFlowHandler
{
    public const string Name = "graduasi";
    private enum Step { Confirm, Statement }

    public CommandSpec Spec { get; } = new("graduasi", "Catat graduasi: /graduasi ID mandiri|alamiah alasan", CommandSpec.Staff);
    public string Prefix => "gr";
    public string Flow => Name;

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var parts = ctx.Message.Args.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && NameSearch.Normalize(parts[1]) == "surat")
        {
            await AskStatementLaterAsync(ctx, parts[0], ct);
            return;
        }
        if (parts.Length < 3)
        {
            ctx.Reply(ReportingTexts.GraduationUsage);
            return;
        }
        if (TypeOf(parts[1]) is not { } type)
        {
            ctx.Reply(ReportingTexts.GraduationUnknownType(parts[1]));
            return;
        }
        if (await FindAsync(ctx, parts[0], ct) is not { } h) return;
        if (h.Status is HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah)
        {
            ctx.Reply(ReportingTexts.GraduationAlready(h));
            return;
        }
        var data = new GraduationData { HouseholdId = h.Id, Type = type, Reason = Reason(parts[2]) };
        await ctx.StartFlowAsync(Name, nameof(Step.Confirm), data, ct: ct);
        ctx.Reply(ReportingTexts.GraduationConfirm(h, type, data.Reason),
            Keyboard.Of([Button.Callback(ReportingTexts.GraduationConfirmButton, "gr:ok"), Button.Callback(ReportingTexts.CancelButton, "gr:x")]));
    }

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!HouseholdScope.CanAct(ctx.Caller) || ctx.Flow?.Flow != Name)
        {
            ctx.CallbackToast = ReportingTexts.SessionEndedToast;
            ctx.Reply(ReportingTexts.GraduationExpired);
            return;
        }
        var data = ConversationContext.ReadFlowData<GraduationData>(ctx.Flow);
        switch (payload)
        {
            case "x":
                await ctx.EndFlowAsync(ct);
                ctx.Reply(data.GraduationId is null ? ReportingTexts.GraduationCancelled : ReportingTexts.StatementSkipped);
                break;
            case "ok" when ctx.Flow.Step == nameof(Step.Confirm):
                await RecordAsync(ctx, data, ct);
                break;
            case "skip" when ctx.Flow.Step == nameof(Step.Statement):
                await ctx.EndFlowAsync(ct);
                ctx.Reply(ReportingTexts.StatementSkipped);
                break;
            default:
                ctx.Reply(Conversation.Texts.StaleButton);
                break;
        }
    }

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var data = ConversationContext.ReadFlowData<GraduationData>(state);
        if (state.Step == nameof(Step.Statement) && ctx.Message.PhotoFileId is { } photo && data.GraduationId is int gid)
        {
            var g = await ctx.Db.Graduations.FirstOrDefaultAsync(x => x.Id == gid, ct);
            await ctx.EndFlowAsync(ct);
            if (g is null) { ctx.Reply(ReportingTexts.GraduationExpired); return; }
            g.StatementPhotoFileId = photo;
            ctx.Audit("graduation.statement", nameof(Graduation), g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ctx.Reply(ReportingTexts.StatementSaved(g.Id));
            return;
        }
        ctx.Reply(state.Step == nameof(Step.Statement) ? ReportingTexts.StatementAsk : ReportingTexts.GraduationPressButton,
            state.Step == nameof(Step.Statement)
                ? Keyboard.Of([Button.Callback(ReportingTexts.SkipButton, "gr:skip")])
                : Keyboard.Of([Button.Callback(ReportingTexts.GraduationConfirmButton, "gr:ok"), Button.Callback(ReportingTexts.CancelButton, "gr:x")]));
    }

    private async Task RecordAsync(ConversationContext ctx, GraduationData data, CancellationToken ct)
    {
        // Checked again at the press: the household may have changed hands or status since.
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).FirstOrDefaultAsync(x => x.Id == data.HouseholdId, ct);
        if (h is null || h.Status is HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(h is null ? ReportingTexts.GraduationExpired : ReportingTexts.GraduationAlready(h));
            return;
        }
        var pendampingId = ctx.Caller.PendampingId ?? h.PendampingId;
        if (pendampingId is null)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReportingTexts.GraduationNoPendamping);
            return;
        }
        var g = new Graduation
        {
            HouseholdId = h.Id, PendampingId = pendampingId.Value, Type = data.Type, Reason = data.Reason,
            GraduatedAt = ctx.Now, RecordedAt = ctx.Now, RecordedByUserId = ctx.Caller.UserId, PreviousStatus = h.Status,
        };
        ctx.Db.Graduations.Add(g);
        h.Status = data.Type == GraduationType.Mandiri ? HouseholdStatus.GraduasiMandiri : HouseholdStatus.GraduasiAlamiah;
        h.UpdatedAt = ctx.Now;
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("graduation.create", nameof(Graduation), g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"household:{h.Id} jenis:{data.Type.ToString().ToLowerInvariant()}");
        ctx.CallbackToast = ReportingTexts.RecordedToast;
        var recorded = ReportingTexts.GraduationRecorded(g, h) + "\n" + ReportingTexts.GraduationUndoHint(g.Id, options.Value.WithdrawHours);
        if (data.Type != GraduationType.Mandiri)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(recorded);
            return;
        }
        data.GraduationId = g.Id;
        ctx.UpdateFlow(nameof(Step.Statement), data, TimeSpan.FromHours(1));
        ctx.Reply(recorded + "\n\n" + ReportingTexts.StatementAsk, Keyboard.Of([Button.Callback(ReportingTexts.SkipButton, "gr:skip")]));
    }

    private static async Task AskStatementLaterAsync(ConversationContext ctx, string idKpm, CancellationToken ct)
    {
        if (await FindAsync(ctx, idKpm, ct) is not { } h) return;
        var g = await ctx.Db.Graduations.Where(x => x.HouseholdId == h.Id && x.Type == GraduationType.Mandiri)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (g is null || h.Status != HouseholdStatus.GraduasiMandiri)
        {
            ctx.Reply(ReportingTexts.StatementNoGraduation(h));
            return;
        }
        await ctx.StartFlowAsync(Name, nameof(Step.Statement), new GraduationData { HouseholdId = h.Id, Type = g.Type, GraduationId = g.Id }, TimeSpan.FromHours(1), ct);
        ctx.Reply(ReportingTexts.StatementAsk, Keyboard.Of([Button.Callback(ReportingTexts.SkipButton, "gr:skip")]));
    }

    /// <summary>A household of the caller's scope; one outside it reads exactly like one that does not exist.</summary>
    private static async Task<Household?> FindAsync(ConversationContext ctx, string idKpm, CancellationToken ct)
    {
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).FirstOrDefaultAsync(x => x.IdKpm == idKpm, ct);
        if (h is null) ctx.Reply(ReportingTexts.GraduationHouseholdNotFound(idKpm));
        return h;
    }

    /// <summary>A reason may quote a NIK or a phone number: masked before it is kept or echoed.</summary>
    private static string Reason(string text)
    {
        var masked = Privacy.Mask.Text(text.Trim());
        return masked.Length > 1000 ? masked[..1000] : masked;
    }

    private static GraduationType? TypeOf(string word) => NameSearch.Normalize(word) switch
    {
        var w when w.StartsWith("mandiri", StringComparison.Ordinal) || NameSearch.Distance(w, "mandiri") <= 1 => GraduationType.Mandiri,
        var w when w.StartsWith("alami", StringComparison.Ordinal) || NameSearch.Distance(w, "alamiah") <= 1 => GraduationType.Alamiah,
        _ => null,
    };
}
