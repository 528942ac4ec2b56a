using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;

namespace PkhBot.Announcements;

/// <summary>
/// /umumkan: write, choose audience and kecamatan within one's own scope, see the true count, confirm.
/// /umumkan riwayat: the last announcements with their counts.
/// </summary>
public sealed class AnnounceCommand : ICommandHandler
{
    public const string FlowName = "umumkan";
    public const int MaxLength = 1500;

    public CommandSpec Spec { get; } = new("umumkan", "Kirim pengumuman ke pendamping/KPM di wilayah Anda", CommandSpec.Coordinators);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var args = ctx.Message.Args;
        if (args.Equals("riwayat", StringComparison.OrdinalIgnoreCase))
        {
            await ShowHistoryAsync(ctx, ct);
            return;
        }
        var draft = new AnnounceDraft();
        if (args.Length > 0)
        {
            if (args.Length > MaxLength)
            {
                ctx.Reply(AnnouncementTexts.TooLong);
                return;
            }
            draft.Text = args;
            await ctx.StartFlowAsync(FlowName, "audience", draft, ct: ct);
            ctx.Reply(AnnouncementTexts.AskAudience, AnnounceFlow.AudienceKeyboard());
            return;
        }
        await ctx.StartFlowAsync(FlowName, "text", draft, ct: ct);
        ctx.Reply(AnnouncementTexts.AskText);
    }

    private static async Task ShowHistoryAsync(ConversationContext ctx, CancellationToken ct)
    {
        var q = ctx.Db.Announcements.AsQueryable();
        if (!ctx.Caller.IsAdmin) q = q.Where(a => a.AuthorIdentityId == ctx.Caller.IdentityId);
        var last = await q.OrderByDescending(a => a.Id).Take(10).ToListAsync(ct);
        if (last.Count == 0)
        {
            ctx.Reply(AnnouncementTexts.NoHistory);
            return;
        }
        var sb = new StringBuilder("<b>Pengumuman terakhir</b>\n");
        foreach (var a in last)
        {
            var when = (a.ScheduledFor ?? a.CreatedAt).ToOffset(TimeSpan.FromHours(7));
            sb.Append($"No. {a.Id} · {when:dd/MM HH:mm} · {AnnouncementTexts.Audience(a.Audience)} · {a.Recipients} penerima · {a.Delivered} terkirim · {a.Unreachable} gagal · {StatusText(a.Status)}\n")
              .Append("   ").Append(Html.Escape(a.Text.Length > 60 ? a.Text[..60] + "…" : a.Text)).Append('\n');
        }
        ctx.Reply(sb.ToString().TrimEnd());
    }

    private static string StatusText(AnnouncementStatus s) => s switch
    {
        AnnouncementStatus.Scheduled => "terjadwal",
        AnnouncementStatus.Queued => "sedang dikirim",
        AnnouncementStatus.Done => "selesai",
        AnnouncementStatus.Cancelled => "batal",
        _ => "draf",
    };
}

public sealed class AnnounceDraft
{
    public string Text { get; set; } = "";
    public string Audience { get; set; } = "pendamping";
    public List<int> KecamatanIds { get; set; } = [];
}
