using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Onboarding;

namespace PkhBot.Announcements;

/// <summary>/desa: a KPM says which desa they live in (buttons from the real desa list); nothing more personal is asked.</summary>
public sealed class DesaCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("desa", "Pilih desa tempat tinggal Anda", [Role.None, Role.Kpm]);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var kec = await ctx.Db.Kecamatan.OrderBy(k => k.Nama).Select(k => new { k.Id, k.Nama }).ToListAsync(ct);
        var rows = kec.Select(k => Button.Callback(k.Nama, $"desa:k:{k.Id}")).Chunk(3).Select(c => (IReadOnlyList<Button>)c.ToList()).ToList();
        ctx.Reply(AnnouncementTexts.AskDesaKecamatan, new Keyboard(rows));
    }
}

public sealed class DesaCallbacks : ICallbackHandler
{
    public string Prefix => "desa";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        var parts = payload.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || !ctx.Caller.IsPublic)
        {
            ctx.Reply(Texts.StaleButton);
            return;
        }
        if (parts[0] == "k")
        {
            var desa = await ctx.Db.Desa.Where(d => d.KecamatanId == id).OrderBy(d => d.Nama).Select(d => new { d.Id, d.Nama }).ToListAsync(ct);
            if (desa.Count == 0)
            {
                ctx.Reply(Texts.StaleButton);
                return;
            }
            var rows = desa.Select(d => Button.Callback(d.Nama, $"desa:d:{d.Id}")).Chunk(3).Select(c => (IReadOnlyList<Button>)c.ToList()).ToList();
            ctx.Reply(new Reply(AnnouncementTexts.AskDesa) { Keyboard = new Keyboard(rows), EditPressedMessage = true });
            return;
        }
        var chosen = await ctx.Db.Desa.Include(d => d.Kecamatan).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (parts[0] != "d" || chosen is null)
        {
            ctx.Reply(Texts.StaleButton);
            return;
        }
        var identity = await ctx.Db.Identities.FirstOrDefaultAsync(i => i.UserId == ctx.Caller.UserId, ct);
        if (identity is null)
        {
            identity = new ChatIdentity { UserId = ctx.Caller.UserId, ChatId = ctx.Message.ChatId, Role = Role.Kpm, CreatedAt = ctx.Now, LastSeenAt = ctx.Now, Channel = ctx.Message.Channel };
            ctx.Db.Identities.Add(identity);
        }
        identity.DesaId = chosen.Id;
        ctx.Reply(new Reply(AnnouncementTexts.DesaSaved(chosen.Nama, chosen.Kecamatan!.Nama)) { EditPressedMessage = true });
    }
}
