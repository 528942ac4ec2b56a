using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;

namespace PkhBot.Announcements;

/// <summary>The /umumkan steps after the command: the text, then buttons (handled by <see cref="AnnounceCallbacks"/>).</summary>
public sealed class AnnounceFlow : IFlowHandler
{
    public string Flow => AnnounceCommand.FlowName;

    public async Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct)
    {
        var text = ctx.Message.Text?.Trim() ?? "";
        if (text.Equals("batal", StringComparison.OrdinalIgnoreCase))
        {
            await ctx.EndFlowAsync(ct);
            ctx.Reply(AnnouncementTexts.Cancelled);
            return;
        }
        var draft = ConversationContext.ReadFlowData<AnnounceDraft>(state);
        if (state.Step != "text")
        {
            ctx.Reply("Pilih dengan tombol di atas, atau ketik <i>batal</i>.");
            return;
        }
        if (text.Length == 0)
        {
            ctx.Reply(AnnouncementTexts.AskText);
            return;
        }
        if (text.Length > AnnounceCommand.MaxLength)
        {
            ctx.Reply(AnnouncementTexts.TooLong);
            return;
        }
        draft.Text = text;
        ctx.UpdateFlow("audience", draft);
        ctx.Reply(AnnouncementTexts.AskAudience, AudienceKeyboard());
    }

    public static Keyboard AudienceKeyboard() => Keyboard.Of(
        [Button.Callback("Pendamping", "umk:aud:pendamping"), Button.Callback("KPM", "umk:aud:kpm")],
        [Button.Callback("Batal", "umk:batal")]);

    /// <summary>The kecamatan the caller may announce to (its scope), by name.</summary>
    public static async Task<List<(int Id, string Nama)>> ScopeAsync(ConversationContext ctx, CancellationToken ct)
    {
        var q = ctx.Db.Kecamatan.AsQueryable();
        if (!ctx.Caller.IsAdmin && !ctx.Caller.WholeKabupaten)
        {
            var ids = ctx.Caller.KecamatanIds.ToList();
            q = q.Where(k => ids.Contains(k.Id));
        }
        var list = await q.OrderBy(k => k.Nama).Select(k => new { k.Id, k.Nama }).ToListAsync(ct);
        return list.Select(k => (k.Id, k.Nama)).ToList();
    }
}
