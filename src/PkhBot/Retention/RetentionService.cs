using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Announcements;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Retention;

/// <summary>
/// Deletes what the bot no longer needs: processed updates, messages already delivered (or given up), flows that
/// expired, hand-offs answered or never consented to, each older than Retention:Days; audit entries older than
/// Retention:AuditDays. Deletes in small batches, each in the writer's turn, so a pendamping's report never waits
/// behind a month of rows.
/// </summary>
public sealed partial class RetentionService(PkhDbContext db, WriteGate writeGate, IOptions<RetentionOptions> options, ILogger<RetentionService> log)
{
    public const int BatchSize = 2_000;

    public async Task<RetentionResult> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var cutoff = now.AddDays(-o.Days);
        var auditCutoff = now.AddDays(-o.AuditDays);

        var inbox = await DeleteAsync(db.Inbox.Where(i => i.Status != InboxStatus.Pending && i.ReceivedAt < cutoff).Select(i => i.UpdateId),
            ids => db.Inbox.Where(i => ids.Contains(i.UpdateId)), ct);
        var outbox = await DeleteAsync(db.Outbox.Where(m => m.Status != OutboxStatus.Pending && m.CreatedAt < cutoff).Select(m => m.Id),
            ids => db.Outbox.Where(m => ids.Contains(m.Id)), ct);
        var flows = await DeleteAsync(db.Flows.Where(f => f.ExpiresAt < cutoff).Select(f => f.Id),
            ids => db.Flows.Where(f => ids.Contains(f.Id)), ct);
        var handoffs = await DeleteAsync(db.Handoffs
                .Where(h => (h.Status == HandoffStatus.Answered && h.AnsweredAt < cutoff) || (h.Status == HandoffStatus.AwaitingConsent && h.AskedAt < cutoff))
                .Select(h => h.Id),
            ids => db.Handoffs.Where(h => ids.Contains(h.Id)), ct);
        var audit = await DeleteAsync(db.Audit.Where(a => a.At < auditCutoff).Select(a => a.Id),
            ids => db.Audit.Where(a => ids.Contains(a.Id)), ct);

        var result = new RetentionResult(inbox, outbox, flows, handoffs, audit);
        using (await writeGate.EnterAsync(ct))
        {
            db.Audit.Add(new AuditEntry
            {
                At = now, Actor = "job:retention", Action = "retention.run", Entity = "retention", EntityId = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Details = $"inbox={inbox} outbox={outbox} flows={flows} handoffs={handoffs} audit={audit} days={o.Days} auditDays={o.AuditDays}",
            });
            await db.SaveChangesAsync(ct);
        }
        LogRetention(inbox, outbox, flows, handoffs, audit);
        return result;
    }

    private async Task<int> DeleteAsync<TEntity, TKey>(IQueryable<TKey> due, Func<List<TKey>, IQueryable<TEntity>> rows, CancellationToken ct)
        where TEntity : class
    {
        var total = 0;
        while (true)
        {
            using var writing = await writeGate.EnterAsync(ct);
            var ids = await due.Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return total;
            total += await rows(ids).ExecuteDeleteAsync(ct);
            if (ids.Count < BatchSize) return total;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Inbox} inbox, {Outbox} outbox, {Flows} flow, {Handoffs} hand-off and {Audit} audit rows")]
    private partial void LogRetention(int inbox, int outbox, int flows, int handoffs, int audit);
}
