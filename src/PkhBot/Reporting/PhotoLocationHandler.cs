using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// A pendamping's photo or location outside a flow. A photo whose caption reads like a one-line report
/// ("ID KATEGORI catatan") becomes that report with the photo; otherwise it is attached to the caller's last
/// report of the past few minutes. A location geotags the last kunjungan report of the past few minutes.
/// </summary>
public sealed class PhotoLocationHandler(ReportService reports) : IFreeTextHandler
{
    public int Order => 5;

    public async Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var msg = ctx.Message;
        if (!ctx.Caller.IsPendamping || (msg.PhotoFileId is null && msg.Location is null)) return false;
        var me = ctx.Caller.PendampingId!.Value;
        var since = ctx.Now.AddMinutes(-reports.Options.AttachMinutes);

        if (msg.PhotoFileId is { } photo)
        {
            if (await TryCaptionReportAsync(ctx, photo, ct)) return true;
            var last = await ctx.Db.Reports.Where(r => r.PendampingId == me && !r.Withdrawn && r.ReceivedAt >= since)
                .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (last is null)
            {
                ctx.Reply(ReportingTexts.PhotoHint(reports.Options.AttachMinutes));
                return true;
            }
            last.PhotoFileId = photo;
            ctx.Audit("report.attach_photo", nameof(ProgressReport), last.Id.ToString());
            ctx.Reply(ReportingTexts.PhotoAttached(last.Id));
            return true;
        }

        var visit = await ctx.Db.Reports.Where(r => r.PendampingId == me && !r.Withdrawn && r.ReceivedAt >= since && r.Category == ReportCategory.Kunjungan)
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (visit is null)
        {
            ctx.Reply(ReportingTexts.LocationHint(reports.Options.AttachMinutes));
            return true;
        }
        visit.Latitude = msg.Location!.Latitude;
        visit.Longitude = msg.Location.Longitude;
        ctx.Audit("report.geotag", nameof(ProgressReport), visit.Id.ToString());
        ctx.Reply(ReportingTexts.LocationAttached(visit.Id));
        return true;
    }

    private async Task<bool> TryCaptionReportAsync(ConversationContext ctx, string photo, CancellationToken ct)
    {
        var parts = (ctx.Message.Text ?? "").Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || ReportCategories.Parse(parts[1]) is not { } category) return false;
        var id = parts[0];
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).Include(x => x.Desa).FirstOrDefaultAsync(x => x.IdKpm == id, ct);
        if (h is null)
        {
            ctx.Reply(ReportingTexts.NotFound(id, false));   // outside the caller's scope reads like a missing ID
            return true;
        }
        var note = parts.Length > 2 ? parts[2] : ReportCategories.Name(category);
        var parsed = ReportNoteParser.Parse(note, ctx.Now, category);
        var saved = await reports.SaveAsync(ctx, new ReportDraft(h, category, note, parsed) { PhotoFileId = photo }, ct);
        ctx.Reply(ReportingTexts.Receipt(saved, h, parsed, reports.Options.WithdrawHours));
        return true;
    }
}
