using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed class P2k2Data
{
    public DateOnly? HeldOn { get; set; }
    public int? Module { get; set; }
}

/// <summary>
/// /p2k2: record a group session in three taps: date (Hari ini / Kemarin / typed), module (the official
/// modules, pkh-facts §4), attendees ("Semua" = the pendamping's active households, a count, or a list of IDs).
/// </summary>
public sealed class P2k2Flow : ICommandHandler, IFlowHandler, ICallbackHandler
{
    public const string Name = "p2k2";

    /// <summary>The P2K2/FDS modules (Kemensos): five core modules and the later stunting module.</summary>
    public static readonly string[] Modules =
    [
        "Pengasuhan & Pendidikan Anak",
        "Pengelolaan Keuangan & Perencanaan Usaha",
        "Kesehatan & Gizi",
        "Perlindungan Anak",
        "Kesejahteraan Sosial (lansia & disabilitas)",
        "Pencegahan Stunting",
    ];

    public CommandSpec Spec { get; } = new("p2k2", "Catat pertemuan P2K2 (tanggal, modul, kehadiran)", CommandSpec.PendampingOnly);
    public string Flow => Name;
    public string Prefix => "p2";

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        await ctx.StartFlowAsync(Name, "date", new P2k2Data(), ct: ct);
        ctx.Reply(ReportingTexts.P2k2AskDate,
            Keyboard.Of([Button.Callback(ReportingTexts.P2k2TodayButton, "p2:d:0"), Button.Callback(ReportingTexts.P2k2YesterdayButton, "p2:d:1")], [CancelButton]));
    }

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var data = ConversationContext.ReadFlowData<P2k2Data>(state);
        var text = ctx.Message.Text?.Trim() ?? "";
        if (LaporFlow.IsWord(text, "batal", "cancel"))
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReportingTexts.P2k2Cancelled);
            return;
        }
        switch (state.Step)
        {
            case "date":
                var parsed = ReportNoteParser.Parse(text, ctx.Now);
                if (parsed.DatePhrase is null) { ctx.Reply(ReportingTexts.P2k2DateUnread); return; }
                data.HeldOn = Wib.Today(parsed.EventAt);
                AskModule(ctx, data);
                break;
            case "module":
                if (int.TryParse(text, out var m) && m >= 1 && m <= Modules.Length) { data.Module = m; await AskAttendeesAsync(ctx, data, ct); }
                else AskModule(ctx, data, ReportingTexts.P2k2PickModule);
                break;
            default:
                await OnAttendeesAsync(ctx, data, text, ct);
                break;
        }
    }

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || ctx.Flow?.Flow != Name)
        {
            ctx.Reply(ReportingTexts.P2k2Gone);
            return;
        }
        var data = ConversationContext.ReadFlowData<P2k2Data>(ctx.Flow);
        var parts = payload.Split(':');
        switch (parts[0])
        {
            case "x":
                await ctx.EndFlowAsync(ct);
                ctx.Reply(ReportingTexts.P2k2Cancelled);
                break;
            case "d" when parts.Length == 2 && int.TryParse(parts[1], out var back) && back is 0 or 1:
                data.HeldOn = Wib.Today(ctx.Now).AddDays(-back);
                AskModule(ctx, data);
                break;
            case "m" when parts.Length == 2 && int.TryParse(parts[1], out var m) && m >= 1 && m <= Modules.Length && data.HeldOn is not null:
                data.Module = m;
                await AskAttendeesAsync(ctx, data, ct);
                break;
            case "a" when data.Module is not null:
                await OnAttendeesAsync(ctx, data, "semua", ct);
                break;
            default:
                ctx.Reply(Conversation.Texts.StaleButton);
                break;
        }
    }

    private static void AskModule(ConversationContext ctx, P2k2Data data, string? hint = null)
    {
        ctx.UpdateFlow("module", data);
        ctx.Reply(hint ?? ReportingTexts.P2k2AskModule(data.HeldOn!.Value),
            Keyboard.Column(Modules.Select((m, i) => Button.Callback(ReportingTexts.P2k2ModuleButton(i + 1, m), $"p2:m:{i + 1}")).Append(CancelButton)));
    }

    private static async Task AskAttendeesAsync(ConversationContext ctx, P2k2Data data, CancellationToken ct)
    {
        ctx.UpdateFlow("att", data);
        var n = await Group(ctx).CountAsync(ct);
        ctx.Reply(ReportingTexts.P2k2AskAttendees, Keyboard.Of([Button.Callback(ReportingTexts.P2k2AllButton(n), "p2:a:all")], [CancelButton]));
    }

    private static async Task OnAttendeesAsync(ConversationContext ctx, P2k2Data data, string text, CancellationToken ct)
    {
        List<int> ids = [];
        int count;
        var unknown = 0;
        if (LaporFlow.IsWord(text, "semua", "all"))
        {
            ids = await Group(ctx).Select(h => h.Id).ToListAsync(ct);
            count = ids.Count;
        }
        else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000)
        {
            count = n;
        }
        else
        {
            var tokens = text.Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            ids = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Where(h => tokens.Contains(h.IdKpm)).Select(h => h.Id).ToListAsync(ct);
            unknown = tokens.Count - ids.Count;
            if (ids.Count == 0)
            {
                ctx.Reply(ReportingTexts.P2k2NoIdsOfYours);
                return;
            }
            count = ids.Count;
        }
        var session = new P2K2Session
        {
            PendampingId = ctx.Caller.PendampingId!.Value,
            HeldOn = data.HeldOn ?? Wib.Today(ctx.Now),
            Module = Modules[(data.Module ?? 1) - 1],
            AttendeeCount = count,
            RecordedAt = ctx.Now,
            Attendance = ids.Select(id => new P2K2Attendance { HouseholdId = id }).ToList(),
        };
        ctx.Db.P2K2Sessions.Add(session);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("p2k2.create", nameof(P2K2Session), session.Id.ToString(), $"hadir:{count}");
        await ctx.EndFlowAsync(ct);
        ctx.Reply(ReportingTexts.P2k2Saved(session.Id, session.HeldOn, session.Module, count, unknown));
    }

    private static Button CancelButton => Button.Callback(ReportingTexts.CancelButton, "p2:x");

    private static IQueryable<Household> Group(ConversationContext ctx)
        => HouseholdScope.Visible(ctx.Db, ctx.Caller).Where(h => h.Status == HouseholdStatus.Aktif);
}
