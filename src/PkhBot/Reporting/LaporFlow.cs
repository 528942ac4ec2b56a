using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed class LaporFlowData
{
    public int? HouseholdId { get; set; }
    public ReportCategory? Category { get; set; }
    public string? Note { get; set; }
    /// <summary>When the note was written: "kemarin" is relative to this, not to the moment Simpan is pressed.</summary>
    public DateTimeOffset? NoteAt { get; set; }
    public int? Attendance { get; set; }
    public int? DueDays { get; set; }
    public string? PhotoFileId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Note and category are already known (from a one-line report): after the household, confirm at once.</summary>
    public bool Quick { get; set; }
}

/// <summary>
/// Guided /lapor: household -> category -> the field the category needs -> optional photo -> optional location ->
/// confirm. State lives in the DB (FlowState); each step re-asks with a hint on unexpected input, "batal" stops.
/// Buttons come back to <see cref="LaporButtons"/> and are re-checked against the caller's scope.
/// </summary>
public sealed class LaporFlow(ReportService reports) : IFlowHandler
{
    public const string Name = "lapor";
    public string Flow => Name;

    public static async Task StartAsync(ConversationContext ctx, LaporFlowData data, CancellationToken ct)
    {
        await ctx.StartFlowAsync(Name, "hh", data, ct: ct);
        var recent = await ReportKeyboards.RecentAsync(ctx, 6, ct);
        ctx.Reply(ReportingTexts.AskHousehold, Keyboard.Column(recent.Select(h => ReportKeyboards.HouseholdButton(h, $"lf:hh:{h.Id}")).Append(Button.Callback("Batal", "lf:x"))));
    }

    public static async Task AskCategoryAsync(ConversationContext ctx, LaporFlowData data, Household h, CancellationToken ct)
    {
        if (ctx.Flow?.Flow == Name) ctx.UpdateFlow("cat", data);
        else await ctx.StartFlowAsync(Name, "cat", data, ct: ct);
        ctx.Reply(ReportingTexts.CategoryPrompt(h.NamaPengurus), ReportKeyboards.Categories("lf:cat:", "lf:x"));
    }

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var data = ConversationContext.ReadFlowData<LaporFlowData>(state);
        var msg = ctx.Message;
        var text = msg.Text?.Trim() ?? "";
        if (IsWord(text, "batal", "cancel", "stop"))
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReportingTexts.Cancelled);
            return;
        }
        switch (state.Step)
        {
            case "hh":
                await OnHouseholdTextAsync(ctx, data, text, ct);
                break;
            case "cat":
                if (ReportCategories.Parse(text) is { } c) await SetCategoryAsync(ctx, data, c, ct);
                else ctx.Reply(ReportingTexts.UnknownCategory(text), ReportKeyboards.Categories("lf:cat:", "lf:x"));
                break;
            case "field":
                await OnFieldAsync(ctx, data, text, ct);
                break;
            case "due":
                var due = int.TryParse(text, out var n) ? n : ReportNoteParser.Parse(text, ctx.Now, ReportCategory.Kendala).FollowUpDays;
                if (due is > 0 and <= 366) { data.DueDays = due; AskPhoto(ctx, data); }
                else ctx.Reply(ReportingTexts.AskDueAgain, DueKeyboard());
                break;
            case "photo":
                if (msg.PhotoFileId is { } photo) { data.PhotoFileId = photo; AskLocation(ctx, data); }
                else if (IsWord(text, "lewati", "skip", "tidak", "tdk", "lanjut")) AskLocation(ctx, data);
                else ctx.Reply(ReportingTexts.AskPhotoAgain, SkipKeyboard());
                break;
            case "loc":
                if (msg.Location is { } loc) { data.Latitude = loc.Latitude; data.Longitude = loc.Longitude; await AskConfirmAsync(ctx, data, ct); }
                else if (IsWord(text, "lewati", "skip", "tidak", "tdk", "lanjut")) await AskConfirmAsync(ctx, data, ct);
                else ctx.Reply(ReportingTexts.AskLocationAgain, SkipKeyboard());
                break;
            default:
                if (IsWord(text, "simpan", "ya", "ok", "oke")) await SaveAsync(ctx, data, ct);
                else await AskConfirmAsync(ctx, data, ct);
                break;
        }
    }

    private static async Task OnHouseholdTextAsync(ConversationContext ctx, LaporFlowData data, string text, CancellationToken ct)
    {
        if (text.Length < 2)
        {
            ctx.Reply(ReportingTexts.AskHouseholdAgain);
            return;
        }
        var exact = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Include(x => x.Desa).FirstOrDefaultAsync(x => x.IdKpm == text, ct);
        if (exact is not null)
        {
            data.HouseholdId = exact.Id;
            await AfterHouseholdAsync(ctx, data, exact, ct);
            return;
        }
        var hits = await HouseholdSearch.SearchAsync(ctx.Db, ctx.Caller, text, 6, ct);
        if (hits.Count == 0)
        {
            var recent = await ReportKeyboards.RecentAsync(ctx, 6, ct);
            ctx.Reply(ReportingTexts.AskHouseholdAgain, Keyboard.Column(recent.Select(h => ReportKeyboards.HouseholdButton(h, $"lf:hh:{h.Id}")).Append(Button.Callback("Batal", "lf:x"))));
            return;
        }
        ctx.Reply(ReportingTexts.PickHousehold, Keyboard.Column(hits.Select(h => ReportKeyboards.HouseholdButton(h, $"lf:hh:{h.Id}")).Append(Button.Callback("Batal", "lf:x"))));
    }

    internal static async Task AfterHouseholdAsync(ConversationContext ctx, LaporFlowData data, Household h, CancellationToken ct)
    {
        if (data.Quick && data.Category is not null && data.Note is not null) await AskConfirmAsync(ctx, data, ct);
        else if (data.Category is { } c) await SetCategoryAsync(ctx, data, c, ct);
        else await AskCategoryAsync(ctx, data, h, ct);
    }

    internal static async Task SetCategoryAsync(ConversationContext ctx, LaporFlowData data, ReportCategory c, CancellationToken ct)
    {
        data.Category = c;
        if (data.Quick && data.Note is not null)
        {
            await AskConfirmAsync(ctx, data, ct);
            return;
        }
        ctx.UpdateFlow("field", data);
        ctx.Reply(c switch
        {
            ReportCategory.Usaha => ReportingTexts.AskIncome,
            ReportCategory.Pendidikan => ReportingTexts.AskAttendance,
            ReportCategory.Kendala => ReportingTexts.AskIssue,
            _ => ReportingTexts.AskNote,
        }, Keyboard.Of([Button.Callback("Batal", "lf:x")]));
    }

    private static async Task OnFieldAsync(ConversationContext ctx, LaporFlowData data, string text, CancellationToken ct)
    {
        var category = data.Category ?? ReportCategory.Kunjungan;
        var parsed = ReportNoteParser.Parse(text, ctx.Now, category);
        switch (category)
        {
            case ReportCategory.Usaha when parsed.IncomeRupiah is null:
                if (!ReportNoteParser.TryParseMoney(text, out var bare) || bare < 1000) { ctx.Reply(ReportingTexts.AskIncomeAgain); return; }
                break;
            case ReportCategory.Pendidikan:
                var att = parsed.AttendancePercent ?? (int.TryParse(text.TrimEnd('%', ' '), out var p) ? p : null);
                if (att is null or < 0 or > 100) { ctx.Reply(ReportingTexts.AskAttendanceAgain); return; }
                data.Attendance = att;
                break;
            case ReportCategory.Kendala when text.Length < 3:
            case not ReportCategory.Kendala when text.Length < 2:
                ctx.Reply(ReportingTexts.AskNoteAgain);
                return;
        }
        data.Note = text;
        data.NoteAt = ctx.Now;
        if (category == ReportCategory.Kendala && parsed.FollowUpDays is null)
        {
            ctx.UpdateFlow("due", data);
            ctx.Reply(ReportingTexts.AskDue, DueKeyboard());
            return;
        }
        AskPhoto(ctx, data);
        await Task.CompletedTask;
    }

    internal static void AskPhoto(ConversationContext ctx, LaporFlowData data)
    {
        ctx.UpdateFlow("photo", data);
        ctx.Reply(ReportingTexts.AskPhoto, SkipKeyboard());
    }

    internal static void AskLocation(ConversationContext ctx, LaporFlowData data)
    {
        ctx.UpdateFlow("loc", data);
        ctx.Reply(ReportingTexts.AskLocation, SkipKeyboard());
    }

    internal static async Task AskConfirmAsync(ConversationContext ctx, LaporFlowData data, CancellationToken ct)
    {
        var h = data.HouseholdId is int id ? await FindAsync(ctx, id, ct) : null;
        if (h is null || data.Category is not { } c)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReportingTexts.FlowGone);
            return;
        }
        ctx.UpdateFlow("confirm", data);
        var note = data.Note ?? ReportCategories.Name(c);
        ctx.Reply(ReportingTexts.Summary(h, c, note, Parse(data, c, note, ctx.Now), data.PhotoFileId, data.Latitude is not null) + "\n\n" + ReportingTexts.ConfirmHint,
            Keyboard.Of([Button.Callback("✅ Simpan", "lf:save"), Button.Callback("Batal", "lf:x")]));
    }

    private Task SaveAsync(ConversationContext ctx, LaporFlowData data, CancellationToken ct) => SaveAsync(ctx, data, reports, ct);

    internal static async Task SaveAsync(ConversationContext ctx, LaporFlowData data, ReportService reports, CancellationToken ct)
    {
        var h = data.HouseholdId is int id ? await FindAsync(ctx, id, ct) : null;
        await ctx.EndFlowAsync(ct);
        if (h is null || data.Category is not { } c)
        {
            ctx.Reply(h is null ? ReportingTexts.ButtonNotInScope : ReportingTexts.FlowGone);
            return;
        }
        var note = data.Note ?? ReportCategories.Name(c);
        var parsed = Parse(data, c, note, ctx.Now);
        var location = data.Latitude is double lat && data.Longitude is double lon ? new GeoPoint(lat, lon) : null;
        var saved = await reports.SaveAsync(ctx, new ReportDraft(h, c, note, parsed) { PhotoFileId = data.PhotoFileId, Location = location }, ct);
        ctx.Reply(ReportingTexts.Receipt(saved, h, parsed, reports.Options.WithdrawHours));
    }

    private static ParsedNote Parse(LaporFlowData data, ReportCategory c, string note, DateTimeOffset now)
    {
        var parsed = ReportNoteParser.Parse(note, data.NoteAt ?? now, c);
        if (parsed.IncomeRupiah is null && c == ReportCategory.Usaha && ReportNoteParser.TryParseMoney(note, out var bare) && bare >= 1000)
            parsed = parsed with { IncomeRupiah = bare, IncomePeriod = "bulan" };
        return parsed with
        {
            AttendancePercent = data.Attendance ?? parsed.AttendancePercent,
            FollowUpDays = data.DueDays ?? parsed.FollowUpDays,
        };
    }

    internal static Task<Household?> FindAsync(ConversationContext ctx, int id, CancellationToken ct)
        => HouseholdScope.Visible(ctx.Db, ctx.Caller).Include(h => h.Desa).FirstOrDefaultAsync(h => h.Id == id, ct);

    private static Keyboard SkipKeyboard() => Keyboard.Of([Button.Callback("Lewati", "lf:skip"), Button.Callback("Batal", "lf:x")]);

    internal static Keyboard DueKeyboard() => Keyboard.Of(
        [Button.Callback("7 hari", "lf:due:7"), Button.Callback("14 hari", "lf:due:14"), Button.Callback("30 hari", "lf:due:30")],
        [Button.Callback("Batal", "lf:x")]);

    internal static bool IsWord(string text, params string[] words)
        => words.Contains(text.Trim().TrimEnd('.', '!').ToLowerInvariant());
}
