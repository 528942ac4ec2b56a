using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Reminders;

public sealed record WriteResult(int Queued, int Duplicates, int Messages);

/// <summary>
/// Writes planned nudges to the outbox in batches, each with its <see cref="NudgeLog"/> row in the same
/// transaction: the (job, subject, period) unique index makes a re-run, a second instance or a restart
/// mid-run send nothing twice. Nudges planned in quiet hours wait until they end (NotBefore).
/// </summary>
public sealed partial class NudgeWriter(PkhDbContext db, WorkCalendar calendar, IOptions<RemindersOptions> options, ILogger<NudgeWriter> log)
{
    private const int MaxAttempts = 4;

    public async Task<WriteResult> WriteAsync(string job, IAsyncEnumerable<PlannedNudge> nudges, DateTimeOffset now, CancellationToken ct)
    {
        var notBefore = calendar.NextDeliveryTime(now);
        int queued = 0, duplicates = 0, messages = 0;
        var batch = new List<PlannedNudge>(options.Value.BatchSize);
        await foreach (var nudge in nudges.WithCancellation(ct))
        {
            if (nudge.Recipients.Count == 0) continue;
            batch.Add(nudge);
            if (batch.Count >= options.Value.BatchSize) await FlushAsync();
        }
        await FlushAsync();
        return new WriteResult(queued, duplicates, messages);

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var (q, d, m) = await WriteBatchAsync(job, batch, now, notBefore, ct);
            queued += q; duplicates += d; messages += m;
            batch.Clear();
        }
    }

    private async Task<(int Queued, int Duplicates, int Messages)> WriteBatchAsync(
        string job, List<PlannedNudge> batch, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        // Duplicates inside one batch (a planner bug) must not poison the whole batch.
        var unique = batch.DistinctBy(n => (n.Subject, n.Period)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ExistingAsync(job, unique, ct);
            var fresh = unique.Where(n => !existing.Contains((n.Subject, n.Period))).ToList();
            if (fresh.Count == 0) return (0, batch.Count, 0);
            try
            {
                var messages = await InsertAsync(job, fresh, now, notBefore, ct);
                return (fresh.Count, batch.Count - fresh.Count, messages);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                // Another instance (or a crashed run's twin) logged some of these meanwhile: re-read and retry the rest.
                LogRace(log, job, attempt);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<HashSet<(string, string)>> ExistingAsync(string job, List<PlannedNudge> batch, CancellationToken ct)
    {
        var set = new HashSet<(string, string)>();
        foreach (var period in batch.Select(n => n.Period).Distinct())
        {
            var subjects = batch.Where(n => n.Period == period).Select(n => n.Subject).ToList();
            var found = await db.NudgeLog.AsNoTracking()
                .Where(l => l.Job == job && l.Period == period && subjects.Contains(l.Subject))
                .Select(l => l.Subject).ToListAsync(ct);
            foreach (var s in found) set.Add((s, period));
        }
        return set;
    }

    private async Task<int> InsertAsync(string job, List<PlannedNudge> fresh, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = new List<(NudgeLog Log, List<OutboxMessage> Messages)>(fresh.Count);
            var count = 0;
            foreach (var n in fresh)
            {
                var messages = n.Recipients.Select(r => OutboxMessageFactory.Create(r.Channel, r.ChatId, n.Reply, OutboxKind.Nudge, now, notBefore)).ToList();
                rows.Add((new NudgeLog { Job = job, Subject = n.Subject, Period = n.Period, CreatedAt = now }, messages));
                count += messages.Count;
            }
            // Outbox rows through the outbox's own API, first for their ids ...
            await using (var outbox = OutboxBulkInsert.Begin(db))
            {
                foreach (var (_, messages) in rows) await outbox.AddAsync(messages, ct);
                await outbox.FlushAsync(ct);
            }
            foreach (var (entry, messages) in rows) entry.OutboxMessageId = messages[0].Id;
            // ... then the log: the unique index fires here and the rollback drops both.
            if (db.Database.IsSqlite())
            {
                await using var log = SqliteBulkInsert<NudgeLog>.Create(db);
                foreach (var (entry, _) in rows) await log.InsertAsync(entry, ct);
            }
            else
            {
                db.NudgeLog.AddRange(rows.Select(r => r.Log));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return count;
        });
    }

    /// <summary>A unique-index violation (EF wraps it; the SQLite bulk path surfaces it raw).</summary>
    private static bool IsConflict(Exception ex)
        => ex is DbUpdateException || ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: nudge log race on attempt {Attempt}, retrying the batch")]
    private static partial void LogRace(ILogger logger, string job, int attempt);
}
