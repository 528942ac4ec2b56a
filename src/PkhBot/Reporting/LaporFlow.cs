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

/// <summary>The steps of guided /lapor, in order; a kendala asks <see cref="Due"/> after its note.</summary>
public enum LaporStep { Household, Category, Field, Due, Photo, Location, Confirm }

/// <summary>
/// /lapor in one class: the command, the guided flow and its "lf:" buttons.
/// One line (<c>/lapor ID KATEGORI catatan</c>) saves at once with a receipt; no arguments starts the guided flow:
/// household -> category -> the field the category needs (-> due date for a kendala) -> optional photo -> optional
/// location -> confirm. State lives in the DB (FlowState); each step re-asks with a hint on unexpected input, "batal"
/// stops. Buttons: start:{householdId} (from a household card), hh:{householdId}, cat:{name}, due:{days}, skip, save,
/// x. A button's payload is untrusted: the household is looked up again in the caller's scope. An unknown ID is
/// answered with the closest IDs in scope; another pendamping's household is refused without showing anything of it.
/// </summary>
public sealed class LaporFlow(ReportService reports) : ICommandHandler, IFlowHandler, ICallbackHandler
{
    public const string Name = "lapor";
    private const string P = "lf:";

    public CommandSpec Spec { get; } = new("lapor", "Kirim laporan perkembangan KPM", CommandSpec.PendampingOnly);
    public string Flow => Name;
    public string Prefix => "lf";

    /// <summary>The command: one line saves at once; without arguments the guided flow starts.</summary>
    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var args = ctx.Message.Args;
        if (args.Length == 0)
        {
            await ctx.StartFlowAsync(Name, Key(LaporStep.Household), new LaporFlowData(), ct: ct);
            ctx.Reply(ReportingTexts.AskHousehold, HouseholdKeyboard(await ReportKeyboards.RecentAsync(ctx, 6, ct)));
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
            await AskCategoryAsync(ctx, data, household, ct);
            return;
        }
        if (note.Length == 0) note = ReportCategories.Name(category.Value);
        var parsed = ReportNoteParser.Parse(note, ctx.Now, category);
        var saved = await reports.SaveAsync(ctx, new ReportDraft(household, category.Value, note, parsed) { PhotoFileId = ctx.Message.PhotoFileId }, ct);
        ctx.Reply(ReportingTexts.Receipt(saved, household, parsed, reports.Options.WithdrawHours));
    }

    /// <summary>A typed answer to the current step.</summary>
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
        switch (StepOf(state.Step))
        {
            case LaporStep.Household:
                await OnHouseholdTextAsync(ctx, data, text, ct);
                break;
            case LaporStep.Category:
                if (ReportCategories.Parse(text) is { } c) await SetCategoryAsync(ctx, data, c, ct);
                else ctx.Reply(ReportingTexts.UnknownCategory(text), CategoryKeyboard());
                break;
            case LaporStep.Field:
                OnField(ctx, data, text);
                break;
            case LaporStep.Due:
                var due = int.TryParse(text, out var n) ? n : ReportNoteParser.Parse(text, ctx.Now, ReportCategory.Kendala).FollowUpDays;
                if (due is > 0 and <= 366) { data.DueDays = due; AskPhoto(ctx, data); }
                else ctx.Reply(ReportingTexts.AskDueAgain, DueKeyboard());
                break;
            case LaporStep.Photo:
                if (msg.PhotoFileId is { } photo) { data.PhotoFileId = photo; AskLocation(ctx, data); }
                else if (IsSkip(text)) AskLocation(ctx, data);
                else ctx.Reply(ReportingTexts.AskPhotoAgain, SkipKeyboard());
                break;
            case LaporStep.Location:
                if (msg.Location is { } loc) { data.Latitude = loc.Latitude; data.Longitude = loc.Longitude; await AskConfirmAsync(ctx, data, ct); }
                else if (IsSkip(text)) await AskConfirmAsync(ctx, data, ct);
                else ctx.Reply(ReportingTexts.AskLocationAgain, SkipKeyboard());
                break;
            default:
                if (IsWord(text, "simpan", "ya", "ok", "oke")) await SaveAsync(ctx, data, ct);
                else await AskConfirmAsync(ctx, data, ct);
                break;
        }
    }

    /// <summary>A pressed "lf:" button.</summary>
    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping)
        {
            ctx.CallbackToast = ReportingTexts.ButtonNotInScope;
            ctx.Reply(ReportingTexts.NeedPendamping);
            return;
        }
        var i = payload.IndexOf(':');
        var (action, arg) = i < 0 ? (payload, "") : (payload[..i], payload[(i + 1)..]);
        if (action == "start")
        {
            var card = int.TryParse(arg, out var sid) ? await FindAsync(ctx, sid, ct) : null;
            if (card is null) { ctx.Reply(ReportingTexts.ButtonNotInScope); return; }
            await AskCategoryAsync(ctx, new LaporFlowData { HouseholdId = card.Id }, card, ct);
            return;
        }
        if (ctx.Flow?.Flow != Name)
        {
            ctx.CallbackToast = ReportingTexts.SessionEndedToast;
            ctx.Reply(ReportingTexts.FlowGone);
            return;
        }
        var data = ConversationContext.ReadFlowData<LaporFlowData>(ctx.Flow);
        var step = StepOf(ctx.Flow.Step);
        switch (action)
        {
            case "x":
                await ctx.EndFlowAsync(ct);
                ctx.Reply(ReportingTexts.Cancelled);
                break;
            case "hh":
                var h = int.TryParse(arg, out var id) ? await FindAsync(ctx, id, ct) : null;
                if (h is null) { ctx.Reply(ReportingTexts.ButtonNotInScope); return; }
                data.HouseholdId = h.Id;
                await AfterHouseholdAsync(ctx, data, h, ct);
                break;
            case "cat":
                if (data.HouseholdId is null || ReportCategories.Parse(arg) is not { } c) { ctx.Reply(ReportingTexts.FlowGone); return; }
                await SetCategoryAsync(ctx, data, c, ct);
                break;
            case "due":
                if (int.TryParse(arg, out var days) && days is > 0 and <= 366) { data.DueDays = days; AskPhoto(ctx, data); }
                else ctx.Reply(ReportingTexts.AskDueAgain, DueKeyboard());
                break;
            case "skip" when step == LaporStep.Photo:
                AskLocation(ctx, data);
                break;
            case "skip" when step == LaporStep.Location:
                await AskConfirmAsync(ctx, data, ct);
                break;
            case "save":
                await SaveAsync(ctx, data, ct);
                break;
            default:
                ctx.Reply(ReportingTexts.FlowGone);
                break;
        }
    }

    private static async Task SuggestAsync(ConversationContext ctx, string id, ReportCategory? category, string note, CancellationToken ct)
    {
        var hits = await HouseholdSearch.SearchAsync(ctx.Db, ctx.Caller, id, 5, ct);
        ctx.Reply(ReportingTexts.NotFound(id, hits.Count > 0));
        if (hits.Count == 0) return;
        var data = new LaporFlowData { Category = category, Note = note.Length > 0 ? note : null, NoteAt = ctx.Now, Quick = category is not null && note.Length > 0 };
        await ctx.StartFlowAsync(Name, Key(LaporStep.Household), data, ct: ct);
        ctx.Reply(ReportingTexts.PickHousehold, HouseholdKeyboard(hits));
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
        if (hits.Count == 0) ctx.Reply(ReportingTexts.AskHouseholdAgain, HouseholdKeyboard(await ReportKeyboards.RecentAsync(ctx, 6, ct)));
        else ctx.Reply(ReportingTexts.PickHousehold, HouseholdKeyboard(hits));
    }

    private static async Task AskCategoryAsync(ConversationContext ctx, LaporFlowData data, Household h, CancellationToken ct)
    {
        if (ctx.Flow?.Flow == Name) ctx.UpdateFlow(Key(LaporStep.Category), data);
        else await ctx.StartFlowAsync(Name, Key(LaporStep.Category), data, ct: ct);
        ctx.Reply(ReportingTexts.CategoryPrompt(h.NamaPengurus), CategoryKeyboard());
    }

    private static async Task AfterHouseholdAsync(ConversationContext ctx, LaporFlowData data, Household h, CancellationToken ct)
    {
        if (data.Quick && data.Category is not null && data.Note is not null) await AskConfirmAsync(ctx, data, ct);
        else if (data.Category is { } c) await SetCategoryAsync(ctx, data, c, ct);
        else await AskCategoryAsync(ctx, data, h, ct);
    }

    private static async Task SetCategoryAsync(ConversationContext ctx, LaporFlowData data, ReportCategory c, CancellationToken ct)
    {
        data.Category = c;
        if (data.Quick && data.Note is not null)
        {
            await AskConfirmAsync(ctx, data, ct);
            return;
        }
        ctx.UpdateFlow(Key(LaporStep.Field), data);
        ctx.Reply(c switch
        {
            ReportCategory.Usaha => ReportingTexts.AskIncome,
            ReportCategory.Pendidikan => ReportingTexts.AskAttendance,
            ReportCategory.Kendala => ReportingTexts.AskIssue,
            _ => ReportingTexts.AskNote,
        }, Keyboard.Of([CancelButton]));
    }

    private static void OnField(ConversationContext ctx, LaporFlowData data, string text)
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
            ctx.UpdateFlow(Key(LaporStep.Due), data);
            ctx.Reply(ReportingTexts.AskDue, DueKeyboard());
            return;
        }
        AskPhoto(ctx, data);
    }

    private static void AskPhoto(ConversationContext ctx, LaporFlowData data)
    {
        ctx.UpdateFlow(Key(LaporStep.Photo), data);
        ctx.Reply(ReportingTexts.AskPhoto, SkipKeyboard());
    }

    private static void AskLocation(ConversationContext ctx, LaporFlowData data)
    {
        ctx.UpdateFlow(Key(LaporStep.Location), data);
        ctx.Reply(ReportingTexts.AskLocation, SkipKeyboard());
    }

    private static async Task AskConfirmAsync(ConversationContext ctx, LaporFlowData data, CancellationToken ct)
    {
        var h = data.HouseholdId is int id ? await FindAsync(ctx, id, ct) : null;
        if (h is null || data.Category is not { } c)
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(ReportingTexts.FlowGone);
            return;
        }
        ctx.UpdateFlow(Key(LaporStep.Confirm), data);
        var note = data.Note ?? ReportCategories.Name(c);
        ctx.Reply(ReportingTexts.Summary(h, c, note, Parse(data, c, note, ctx.Now), data.PhotoFileId, data.Latitude is not null) + "\n\n" + ReportingTexts.ConfirmHint,
            Keyboard.Of([Button.Callback(ReportingTexts.SaveButton, P + "save"), CancelButton]));
    }

    private async Task SaveAsync(ConversationContext ctx, LaporFlowData data, CancellationToken ct)
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

    private static Task<Household?> FindAsync(ConversationContext ctx, int id, CancellationToken ct)
        => HouseholdScope.Visible(ctx.Db, ctx.Caller).Include(h => h.Desa).FirstOrDefaultAsync(h => h.Id == id, ct);

    /// <summary>The step as stored in FlowState (short keys, kept as they were so a flow in progress survives an upgrade).</summary>
    internal static string Key(LaporStep step) => step switch
    {
        LaporStep.Household => "hh",
        LaporStep.Category => "cat",
        LaporStep.Field => "field",
        LaporStep.Due => "due",
        LaporStep.Photo => "photo",
        LaporStep.Location => "loc",
        _ => "confirm",
    };

    internal static LaporStep StepOf(string? key) => key switch
    {
        "hh" => LaporStep.Household,
        "cat" => LaporStep.Category,
        "field" => LaporStep.Field,
        "due" => LaporStep.Due,
        "photo" => LaporStep.Photo,
        "loc" => LaporStep.Location,
        _ => LaporStep.Confirm,
    };

    private static Button CancelButton => Button.Callback(ReportingTexts.CancelButton, P + "x");

    private static Keyboard HouseholdKeyboard(IEnumerable<HouseholdHit> hits)
        => Keyboard.Column(hits.Select(h => ReportKeyboards.HouseholdButton(h, $"{P}hh:{h.Id}")).Append(CancelButton));

    private static Keyboard CategoryKeyboard() => ReportKeyboards.Categories(P + "cat:", P + "x");

    private static Keyboard SkipKeyboard() => Keyboard.Of([Button.Callback(ReportingTexts.SkipButton, P + "skip"), CancelButton]);

    private static Keyboard DueKeyboard() => Keyboard.Of(
        [.. ReportingTexts.DueDayChoices.Select(d => Button.Callback(ReportingTexts.DueDaysButton(d), $"{P}due:{d}"))],
        [CancelButton]);

    private static bool IsSkip(string text) => IsWord(text, "lewati", "skip", "tidak", "tdk", "lanjut");

    internal static bool IsWord(string text, params string[] words)
        => words.Contains(text.Trim().TrimEnd('.', '!').ToLowerInvariant());
}
