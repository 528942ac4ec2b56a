using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;

namespace PkhBot.Announcements;

/// <summary>Buttons of /umumkan ("umk:..."). Every press re-checks the flow and the caller's scope.</summary>
public sealed class AnnounceCallbacks(AnnouncementQueue queue) : ICallbackHandler
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public string Prefix => "umk";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (!(ctx.Caller.IsKoordinator || ctx.Caller.IsAdmin) || ctx.Flow?.Flow != AnnounceCommand.FlowName)
        {
            ctx.CallbackToast = "Tidak berlaku";
            ctx.Reply(Texts.StaleButton);
            return;
        }
        var draft = ConversationContext.ReadFlowData<AnnounceDraft>(ctx.Flow);
        var parts = payload.Split(':');
        switch (parts[0])
        {
            case "batal":
                await ctx.EndFlowAsync(ct);
                ctx.Reply(new Reply(AnnouncementTexts.Cancelled) { EditPressedMessage = true });
                return;
            case "aud" when parts.Length == 2 && parts[1] is "pendamping" or "kpm":
                draft.Audience = parts[1];
                await ChooseKecamatanAsync(ctx, draft, ct);
                return;
            case "kec" when parts.Length == 2:
                await ToggleKecamatanAsync(ctx, draft, parts[1], ct);
                return;
            case "kirim":
            case "besok":
                await ConfirmAsync(ctx, draft, scheduleTomorrow: parts[0] == "besok", ct);
                return;
            default:
                ctx.Reply(Texts.StaleButton);
                return;
        }
    }

    private static async Task ChooseKecamatanAsync(ConversationContext ctx, AnnounceDraft draft, CancellationToken ct)
    {
        var scope = await AnnounceFlow.ScopeAsync(ctx, ct);
        if (scope.Count == 1)
        {
            draft.KecamatanIds = [scope[0].Id];
            await PreviewAsync(ctx, draft, ct);
            return;
        }
        ctx.UpdateFlow("kecamatan", draft);
        ctx.Reply(new Reply(AnnouncementTexts.AskKecamatan) { Keyboard = KecamatanKeyboard(scope, draft.KecamatanIds), EditPressedMessage = true });
    }

    private static async Task ToggleKecamatanAsync(ConversationContext ctx, AnnounceDraft draft, string arg, CancellationToken ct)
    {
        var scope = await AnnounceFlow.ScopeAsync(ctx, ct);
        if (arg == "done")
        {
            if (draft.KecamatanIds.Count == 0)
            {
                ctx.CallbackToast = AnnouncementTexts.NoKecamatanChosen;
                return;
            }
            await PreviewAsync(ctx, draft, ct);
            return;
        }
        if (arg == "semua") draft.KecamatanIds = scope.Select(k => k.Id).ToList();
        else if (int.TryParse(arg, out var id) && scope.Any(k => k.Id == id))
        {
            if (!draft.KecamatanIds.Remove(id)) draft.KecamatanIds.Add(id);
        }
        else
        {
            ctx.CallbackToast = AnnouncementTexts.OutOfScope;
            return;
        }
        ctx.UpdateFlow("kecamatan", draft);
        ctx.Reply(new Reply(AnnouncementTexts.AskKecamatan) { Keyboard = KecamatanKeyboard(scope, draft.KecamatanIds), EditPressedMessage = true });
    }

    private static async Task PreviewAsync(ConversationContext ctx, AnnounceDraft draft, CancellationToken ct)
    {
        var names = await ctx.Db.Kecamatan.Where(k => draft.KecamatanIds.Contains(k.Id)).OrderBy(k => k.Nama).Select(k => k.Nama).ToListAsync(ct);
        var count = await AudienceQuery.CountAsync(ctx.Db, draft.Audience, draft.KecamatanIds, ct);
        ctx.UpdateFlow("confirm", draft);
        ctx.Reply(new Reply(AnnouncementTexts.Preview(draft.Text, draft.Audience, names, count.Recipients, count.Excluded))
        {
            Keyboard = Keyboard.Of(
                [Button.Callback("Kirim sekarang", "umk:kirim"), Button.Callback("Besok 07:00", "umk:besok")],
                [Button.Callback("Batal", "umk:batal")]),
            EditPressedMessage = true,
        });
    }

    private async Task ConfirmAsync(ConversationContext ctx, AnnounceDraft draft, bool scheduleTomorrow, CancellationToken ct)
    {
        // Scope is checked again at send time: the flow data came back through the user's chat.
        var scope = (await AnnounceFlow.ScopeAsync(ctx, ct)).Select(k => k.Id).ToHashSet();
        if (ctx.Flow?.Step != "confirm" || draft.KecamatanIds.Count == 0 || !draft.KecamatanIds.All(scope.Contains) || string.IsNullOrWhiteSpace(draft.Text))
        {
            ctx.Reply(Texts.StaleButton);
            return;
        }
        var a = new Announcement
        {
            AuthorIdentityId = ctx.Caller.IdentityId ?? 0,
            Text = draft.Text,
            Audience = draft.Audience,
            KecamatanIds = string.Join(',', draft.KecamatanIds.Order()),
            CreatedAt = ctx.Now,
        };
        await ctx.EndFlowAsync(ct);
        if (scheduleTomorrow)
        {
            var local = ctx.Now.ToOffset(Wib);
            a.ScheduledFor = new DateTimeOffset(local.Date.AddDays(1).AddHours(7), Wib);
            a.Status = AnnouncementStatus.Scheduled;
            ctx.Db.Announcements.Add(a);
            await ctx.Db.SaveChangesAsync(ct);
            ctx.Audit("announcement.schedule", "announcement", a.Id.ToString(), $"{a.Audience} kec={a.KecamatanIds}");
            ctx.Reply(new Reply(AnnouncementTexts.Scheduled(a.Id, a.ScheduledFor.Value)) { EditPressedMessage = true });
            return;
        }
        await queue.QueueAsync(a, ct);
        ctx.Audit("announcement.send", "announcement", a.Id.ToString(), $"{a.Audience} kec={a.KecamatanIds} n={a.Recipients}");
        ctx.Reply(new Reply(AnnouncementTexts.Queued(a.Id, a.Recipients)) { EditPressedMessage = true });
    }

    private static Keyboard KecamatanKeyboard(List<(int Id, string Nama)> scope, List<int> chosen)
    {
        var rows = scope.Select(k => Button.Callback((chosen.Contains(k.Id) ? "✅ " : "") + k.Nama, $"umk:kec:{k.Id}"))
            .Chunk(3).Select(c => (IReadOnlyList<Button>)c.ToList()).ToList();
        rows.Add([Button.Callback("Semua", "umk:kec:semua"), Button.Callback("Selesai", "umk:kec:done"), Button.Callback("Batal", "umk:batal")]);
        return new Keyboard(rows);
    }
}
