using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Announcements;

/// <summary>Turns an announcement into outbox rows (one per reachable recipient) and reports back when they are out.</summary>
public sealed class AnnouncementQueue(PkhDbContext db, TimeProvider clock, Reminders.WorkCalendar calendar)
{
    public static string Render(Announcement a) => $"📢 <b>Pengumuman</b>\n{Html.Escape(a.Text)}";

    /// <summary>Queues the recipients now; the caller saves (inside the pipeline's transaction for "kirim sekarang").</summary>
    public async Task QueueAsync(Announcement a, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (a.Id == 0)
        {
            // The outbox rows point at the announcement, so it needs its id first (still inside the caller's transaction).
            if (db.Entry(a).State == EntityState.Detached) db.Announcements.Add(a);
            await db.SaveChangesAsync(ct);
        }
        var kecamatan = ParseIds(a.KecamatanIds);
        var count = await AudienceQuery.CountAsync(db, a.Audience, kecamatan, ct);
        var recipients = await AudienceQuery.RecipientsAsync(db, a.Audience, kecamatan, ct);
        var text = Render(a);
        // Quiet hours hold announcements like nudges: queued now, delivered from the next allowed time.
        var notBefore = calendar.NextDeliveryTime(now);
        foreach (var r in recipients)
        {
            var m = OutboxMessageFactory.Create(r.Channel, r.ChatId, new Reply(text), OutboxKind.Announcement, now, notBefore);
            m.AnnouncementId = a.Id;
            db.Outbox.Add(m);
        }
        a.Recipients = recipients.Count;
        a.ExcludedOptedOut = count.Excluded;
        a.Status = AnnouncementStatus.Queued;
        a.QueuedAt = now;
    }

    /// <summary>Queues scheduled announcements whose time has come (audience computed now, so later opt-outs count).</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Announcements.Where(a => a.Status == AnnouncementStatus.Scheduled && a.ScheduledFor <= now).ToListAsync(ct);
        foreach (var a in due) await QueueAsync(a, ct);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Closes announcements whose messages are all out and tells their author the final count.</summary>
    public async Task<int> ReportFinishedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Announcements.Where(a => a.Status == AnnouncementStatus.Queued).ToListAsync(ct);
        var finished = 0;
        foreach (var a in open)
        {
            var counts = await db.Outbox.Where(m => m.AnnouncementId == a.Id)
                .GroupBy(m => m.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            a.Delivered = counts.Where(c => c.Key == OutboxStatus.Sent).Sum(c => c.N);
            a.Unreachable = counts.Where(c => c.Key is OutboxStatus.Unreachable or OutboxStatus.Failed).Sum(c => c.N);
            if (counts.Any(c => c.Key == OutboxStatus.Pending)) continue;
            a.Status = AnnouncementStatus.Done;
            finished++;
            var author = await db.Identities.FirstOrDefaultAsync(i => i.Id == a.AuthorIdentityId, ct);
            if (author is not null)
                db.Outbox.Add(OutboxMessageFactory.Create(author.Channel, author.ChatId,
                    new Reply(AnnouncementTexts.Finished(a.Id, a.Delivered, a.Unreachable, a.Recipients)), OutboxKind.Reply, now));
        }
        await db.SaveChangesAsync(ct);
        return finished;
    }

    public static List<int> ParseIds(string csv)
        => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var i) ? i : -1).Where(i => i > 0).ToList();
}
