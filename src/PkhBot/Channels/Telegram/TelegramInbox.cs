using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Channels.Telegram;

public enum InboxOutcome
{
    Processed,
    /// <summary>Already known: done, or being processed by someone else (another instance, a retry).</summary>
    Duplicate,
    /// <summary>Not a message or button press: stored and marked done.</summary>
    Ignored,
    /// <summary>Stored, but processing failed: the <see cref="InboxRetryWorker"/> picks it up again.</summary>
    Deferred,
}

/// <summary>
/// Shared by polling, webhook and retry: store the update first (its id is the key, so a redelivery is a no-op),
/// then process it. Whoever inserts the row, or takes over an abandoned one, holds a short lease on it, so two
/// instances never process one update.
/// </summary>
public sealed partial class TelegramInbox(
    IServiceScopeFactory scopes,
    ConversationPipeline pipeline,
    WriteGate writeGate,
    TimeProvider clock,
    TelegramMetrics metrics,
    ILogger<TelegramInbox> log)
{
    /// <summary>How long an update being processed is reserved for its processor.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Stores the update (unless known) and processes it. Throws only when it could not be stored.</summary>
    public async Task<InboxOutcome> ReceiveAsync(Update update, CancellationToken ct)
    {
        metrics.UpdateReceived();
        // As read, not as posted: what the bot reads (UpdateMapper.KeepReadFields), as a polled update is stored.
        var payload = JsonSerializer.Serialize(update, JsonBotAPI.Options);
        var mine = await TryInsertAsync(update.Id, payload, ct) || await TryClaimAsync(update.Id, olderThan: null, ct);
        if (!mine)
        {
            metrics.DuplicateUpdate();
            LogDuplicate(update.Id);
            return InboxOutcome.Duplicate;
        }
        return await ProcessClaimedAsync(update, ct);
    }

    /// <summary>
    /// A polled batch: stored in one transaction (known ids skipped), so the offset can move on at once; returns
    /// the updates this instance now holds, in id order. Throws only when the batch could not be stored.
    /// </summary>
    public async Task<IReadOnlyList<Update>> StoreAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        if (updates.Count == 0) return [];
        var batch = updates.DistinctBy(u => u.Id).OrderBy(u => u.Id).ToList();
        foreach (var _ in batch) metrics.UpdateReceived();
        var ids = batch.Select(u => u.Id).Select(id => (long)id).ToList();
        // Serialized before taking the writer's turn: that is all CPU, no database.
        var payloads = batch.ToDictionary(u => u.Id, u => JsonSerializer.Serialize(u, JsonBotAPI.Options));
        List<long> known;
        var raced = false;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using var writing = await writeGate.EnterAsync(ct);
            var now = clock.GetUtcNow();
            known = await db.Inbox.Where(i => ids.Contains(i.UpdateId)).Select(i => i.UpdateId).ToListAsync(ct);
            foreach (var u in batch.Where(u => !known.Contains(u.Id)))
            {
                db.Inbox.Add(new InboxUpdate
                {
                    UpdateId = u.Id, Payload = payloads[u.Id], Status = InboxStatus.Pending,
                    ReceivedAt = now, LockedUntil = now + Lease,
                });
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { raced = true; }   // another instance stored some of them first: go one by one
        }

        var mine = new List<Update>(batch.Count);
        foreach (var u in batch)
        {
            var held = raced
                ? await TryInsertAsync(u.Id, payloads[u.Id], ct) || await TryClaimAsync(u.Id, olderThan: null, ct)
                : !known.Contains(u.Id) || await TryClaimAsync(u.Id, olderThan: null, ct);
            if (held) mine.Add(u);
            else
            {
                metrics.DuplicateUpdate();
                LogDuplicate(u.Id);
            }
        }
        return mine;
    }

    /// <summary>Updates per transaction on SQLite: one commit for many, while a reply waits at most a few ms longer.</summary>
    public const int MaxUpdatesPerTransaction = 16;

    /// <summary>
    /// Processes held updates, each user's one after another in id order (a flow's answers must not overtake each
    /// other). On SQLite, whose writes are serial anyway, in id order and up to <see cref="MaxUpdatesPerTransaction"/>
    /// per transaction; elsewhere with up to <paramref name="parallelism"/> users at a time. When <paramref name="stop"/>
    /// fires, updates not yet started are handed back to the retry worker instead.
    /// </summary>
    public async Task ProcessAsync(IReadOnlyList<Update> held, int parallelism, CancellationToken stop)
    {
        if (writeGate.SerializesWrites)
        {
            foreach (var chunk in held.OrderBy(u => u.Id).Chunk(MaxUpdatesPerTransaction))
            {
                if (stop.IsCancellationRequested)
                    foreach (var u in chunk) await ReleaseAsync(u.Id);
                else await ProcessClaimedBatchAsync(chunk, CancellationToken.None);
            }
            return;
        }
        var lanes = held.GroupBy(LaneOf).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, async (lane, _) =>
        {
            foreach (var update in lane)
            {
                if (stop.IsCancellationRequested) await ReleaseAsync(update.Id);
                else await ProcessClaimedAsync(update, CancellationToken.None);
            }
        });
    }

    private static long LaneOf(Update u) => u.Message?.From?.Id ?? u.CallbackQuery?.From.Id ?? u.Message?.Chat.Id ?? -u.Id;

    /// <summary>Takes a Pending row that nobody holds (and, for the retry worker, that is old enough).</summary>
    public async Task<bool> TryClaimAsync(long updateId, TimeSpan? olderThan, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        var receivedBefore = now - (olderThan ?? TimeSpan.Zero);
        var until = now + Lease;
        using var writing = await writeGate.EnterAsync(ct);
        var n = await db.Inbox
            .Where(i => i.UpdateId == updateId && i.Status == InboxStatus.Pending
                        && (i.LockedUntil == null || i.LockedUntil < now) && i.ReceivedAt <= receivedBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedUntil, until), ct);
        return n == 1;
    }

    /// <summary>Maps and runs the pipeline for a row this instance holds.</summary>
    public async Task<InboxOutcome> ProcessClaimedAsync(Update update, CancellationToken ct)
    {
        var incoming = UpdateMapper.ToIncoming(update, clock.GetUtcNow());
        try
        {
            if (incoming is null)
            {
                await SetStatusAsync(update.Id, InboxStatus.Done, ct);
                metrics.IgnoredUpdate();
                return InboxOutcome.Ignored;
            }
            var result = await pipeline.ProcessAsync(incoming, ct);
            if (result.Duplicate)
            {
                metrics.DuplicateUpdate();
                return InboxOutcome.Duplicate;
            }
            metrics.UpdateProcessed();
            return InboxOutcome.Processed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogProcessingDeferred(update.Id, ex.GetType().Name);
            await ReleaseAsync(update.Id);
            return InboxOutcome.Deferred;
        }
    }

    /// <summary>Held updates in one transaction (see <see cref="ConversationPipeline.ProcessBatchAsync"/>).</summary>
    private async Task ProcessClaimedBatchAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        var work = new List<(Update Update, Incoming Message)>(updates.Count);
        foreach (var u in updates)
        {
            if (UpdateMapper.ToIncoming(u, clock.GetUtcNow()) is { } incoming) work.Add((u, incoming));
            else await ProcessClaimedAsync(u, ct);   // not a message or button press: marked done
        }
        if (work.Count == 0) return;
        try
        {
            var results = await pipeline.ProcessBatchAsync(work.Select(w => w.Message).ToList(), ct);
            foreach (var r in results)
            {
                if (r.Duplicate) metrics.DuplicateUpdate();
                else metrics.UpdateProcessed();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            foreach (var (u, _) in work)
            {
                LogProcessingDeferred(u.Id, ex.GetType().Name);
                await ReleaseAsync(u.Id);
            }
        }
    }

    private async Task<bool> TryInsertAsync(long updateId, string payload, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        using var writing = await writeGate.EnterAsync(ct);
        if (await db.Inbox.AnyAsync(i => i.UpdateId == updateId, ct)) return false;
        db.Inbox.Add(new InboxUpdate
        {
            UpdateId = updateId, Payload = payload, Status = InboxStatus.Pending, ReceivedAt = now, LockedUntil = now + Lease,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Lost a race with another instance: the key exists now. Any other failure is real: let it surface.
            db.ChangeTracker.Clear();
            if (await db.Inbox.AnyAsync(i => i.UpdateId == updateId, ct)) return false;
            throw;
        }
    }

    private async Task SetStatusAsync(long updateId, InboxStatus status, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        using var writing = await writeGate.EnterAsync(ct);
        await db.Inbox.Where(i => i.UpdateId == updateId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status).SetProperty(i => i.ProcessedAt, now).SetProperty(i => i.LockedUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>Best effort: lets the retry worker take the row at once instead of after the lease.</summary>
    private async Task ReleaseAsync(long updateId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using var writing = await writeGate.EnterAsync(CancellationToken.None);
            await db.Inbox.Where(i => i.UpdateId == updateId && i.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedUntil, (DateTimeOffset?)null));
        }
        catch (Exception ex)
        {
            LogReleaseFailed(updateId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} already known; skipped")]
    private partial void LogDuplicate(long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} is stored but could not be processed ({ErrorType}); it will be retried")]
    private partial void LogProcessingDeferred(long updateId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lease of update {UpdateId} ({ErrorType}); it is retried after the lease")]
    private partial void LogReleaseFailed(long updateId, string errorType);
}
