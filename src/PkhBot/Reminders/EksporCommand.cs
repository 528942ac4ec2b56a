using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;

namespace PkhBot.Reminders;

/// <summary>/ekspor: the caller's scope as an XLSX document (households, latest report, open follow-ups).</summary>
public sealed class EksporCommand(Households.HouseholdExporter exporter, IOptions<RemindersOptions> options) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("ekspor", "Unduh data KPM wilayah Anda (XLSX)", CommandSpec.Coordinators);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var whole = ctx.Caller.IsAdmin || ctx.Caller.WholeKabupaten;
        if (!whole && ctx.Caller.KecamatanIds.Count == 0)
        {
            ctx.Reply(ReminderTexts.RekapNoScope);
            return;
        }
        var max = options.Value.ExportMaxRows;
        using var xlsx = new MemoryStream();
        var result = exporter.WriteXlsx(xlsx, whole ? null : ctx.Caller.KecamatanIds, max, ct);
        if (result.Rows == 0)
        {
            ctx.Reply(ReminderTexts.EksporEmpty);
            return;
        }
        ctx.Audit("ekspor", "households", whole ? "kabupaten" : string.Join(",", ctx.Caller.KecamatanIds), $"{result.Rows} baris");
        ctx.Reply(new Reply(ReminderTexts.EksporCaption(result.Rows, result.Capped, max))
        {
            Attachment = new ReplyAttachment(AttachmentKind.Document, $"kpm-{ctx.Now.ToOffset(TimeSpan.FromHours(7)):yyyyMMdd}.xlsx", xlsx.ToArray()),
        });
    }
}
