using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
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
/// The inbox's one owner. Shared by polling, webhook and retry: store the update first (its id is the key, so a
/// redelivery is a no-op; NIKs masked and a shared phone number cut before it is written), then process it in its
/// user's lane (<see cref="InboxLanes"/>): prepared outside any transaction (an LLM may take seconds), then committed
/// with the pipeline, which marks the row finished in the same transaction (<see cref="TelegramInboxLedger"/>).
/// Whoever inserts the row, or takes over an abandoned one, holds a lease on it, renewed while it waits in a lane,
/// so two instances never process one update.
/// </summary>
public sealed partial class TelegramInbox
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ConversationPipeline _pipeline;
    private readonly WriteGate _writeGate;
    private readonly TimeProvider _clock;
    private readonly TelegramMetrics _metrics;
    private readonly TelegramInboxLedger _ledger;
    private readonly OutboxSignal _outboxSignal;
    private readonly ILogger<TelegramInbox> _log;
    private readonly InboxLanes _lanes;
    private readonly CommitCombiner _combiner;
    private readonly SemaphoreSlim _commits;
    private int _heartbeat;
    private int _preparing;

    public TelegramInbox(IServiceScopeFactory scopes, ConversationPipeline pipeline, WriteGate writeGate, TimeProvider clock,
        TelegramMetrics metrics, TelegramInboxLedger ledger, OutboxSignal outboxSignal, IOptions<TelegramOptions> options, ILogger<TelegramInbox> log)
    {
        _outboxSignal = outboxSignal;
        _scopes = scopes;
        _pipeline = pipeline;
        _writeGate = writeGate;
        _clock = clock;
        _metrics = metrics;
        _ledger = ledger;
        _log = log;
        _lanes = new InboxLanes(ProcessHeldAsync, ReleaseAsync);
        _combiner = new CommitCombiner(pipeline, ledger, MaxUpdatesPerTransaction, () => Volatile.Read(ref _preparing) > 0);
        _commits = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentUpdates));
    }

    /// <summary>How long an update being processed is reserved for its processor (renewed while it waits in a lane).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Updates per transaction on SQLite: one commit for many, while a reply waits at most a few ms longer.</summary>
    public const int MaxUpdatesPerTransaction = 16;

    /// <summary>Updates waiting in lanes or in progress (the poller holds back while too many are).</summary>
    public int Queued => _lanes.Queued;

    /// <summary>Stores the update (unless known) and processes it. Throws only when it could not be stored.</summary>
    public async Task<InboxOutcome> ReceiveAsync(Update update, CancellationToken ct)
    {
        _metrics.UpdateReceived();
        var payload = StoredPayload(update);
        var mine = await TryInsertAsync(update.Id, payload, ct) || await TryClaimAsync(update.Id, olderThan: null, ct);
        if (!mine)
        {
            _metrics.DuplicateUpdate();
            LogDuplicate(update.Id);
            return InboxOutcome.Duplicate;
        }
        return await ProcessClaimedAsync(update, ct);
    }

    /// <summary>
    /// What is written to the inbox, before anything else is done with the update: NIKs in the text or caption masked
    /// (in the update itself, so they never reach the pipeline either) and a shared contact's phone number cut (the
    /// whole number stays in memory, for the phone check of this one processing). As read, not as posted: the fields
    /// the bot reads (UpdateMapper.KeepReadFields).
    /// </summary>
    public static string StoredPayload(Update update)
    {
        UpdateMapper.MaskNiks(update);
        var contact = update.Message?.Contact;
        var phone = contact?.PhoneNumber;
        if (contact is not null) contact.PhoneNumber = Privacy.Mask.Phone(phone);
        try { return JsonSerializer.Serialize(update, JsonBotAPI.Options); }
        finally { if (contact is not null) contact.PhoneNumber = phone!; }
    }

    /// <summary>
    /// A polled batch: stored in one transaction (known ids skipped), so the offset can move on at once; returns
    /// the updates this instance now holds, in id order. Throws only when the batch could not be stored.
    /// </summary>
    public async Task<IReadOnlyList<Update>> StoreAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        if (updates.Count == 0) return [];
        var batch = updates.DistinctBy(u => u.Id).OrderBy(u => u.Id).ToList();
        foreach (var _ in batch) _metrics.UpdateReceived();
        var ids = batch.Select(u => u.Id).Select(id => (long)id).ToList();
        // Serialized (and masked) before taking the writer's turn: that is all CPU, no database.
        var payloads = batch.ToDictionary(u => u.Id, StoredPayload);
        List<long> known;
        var raced = false;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using var writing = await _writeGate.EnterAsync(db, ct);
            var now = _clock.GetUtcNow();
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
                _metrics.DuplicateUpdate();
                LogDuplicate(u.Id);
            }
        }
        return mine;
    }

    /// <summary>
    /// Queues held updates in their users' lanes and returns a task that ends when they are all finished; the poller
    /// does not wait for it (the next getUpdates goes out at once). When <paramref name="stop"/> fires, updates not yet
    /// started are handed back to the retry worker instead.
    /// </summary>
    public Task ProcessAsync(IReadOnlyList<Update> held, CancellationToken stop)
    {
        var done = _lanes.Enqueue(held, stop);
        EnsureHeartbeat();
        return done;
    }

    /// <summary>Returns when no update is waiting or in progress (at stop).</summary>
    public Task DrainAsync() => _lanes.DrainAsync();

    /// <summary>Whether this process holds the update right now (the retry worker leaves it alone).</summary>
    public bool Holds(long updateId) => _lanes.Holds(updateId);

    /// <summary>Takes a Pending row that nobody holds (and, for the retry worker, that is old enough).</summary>
    public async Task<bool> TryClaimAsync(long updateId, TimeSpan? olderThan, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = _clock.GetUtcNow();
        var receivedBefore = now - (olderThan ?? TimeSpan.Zero);
        var until = now + Lease;
        using var writing = await _writeGate.EnterAsync(db, ct);
        var n = await db.Inbox
            .Where(i => i.UpdateId == updateId && i.Status == InboxStatus.Pending
                        && (i.LockedUntil == null || i.LockedUntil < now) && i.ReceivedAt <= receivedBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedUntil, until), ct);
        return n == 1;
    }

    /// <summary>Processes a row this instance holds, in its user's lane, and waits for it.</summary>
    public async Task<InboxOutcome> ProcessClaimedAsync(Update update, CancellationToken ct)
    {
        var done = _lanes.Enqueue([update], CancellationToken.None);
        EnsureHeartbeat();
        return (await done)[0];
    }

    /// <summary>One held update, in its lane: mapped, prepared (outside any transaction), then committed.</summary>
    private async Task<InboxOutcome> ProcessHeldAsync(Update update)
    {
        var incoming = UpdateMapper.ToIncoming(update, _clock.GetUtcNow());
        try
        {
            if (incoming is null)
            {
                await SetIgnoredAsync(update.Id, CancellationToken.None);
                _metrics.IgnoredUpdate();
                return InboxOutcome.Ignored;
            }
            PreparedUpdate prepared;
            Interlocked.Increment(ref _preparing);
            try { prepared = new PreparedUpdate(incoming, await _pipeline.PrepareAsync(incoming, CancellationToken.None)); }
            finally { Interlocked.Decrement(ref _preparing); }
            PipelineResult result;
            if (_writeGate.SerializesWrites) result = await _combiner.CommitAsync(prepared);
            else
            {
                await _commits.WaitAsync();
                try { result = await _pipeline.CommitAsync(prepared, _ledger, CancellationToken.None); }
                finally { _commits.Release(); }
            }
            if (result.Duplicate)
            {
                _metrics.DuplicateUpdate();
                return InboxOutcome.Duplicate;
            }
            // Committed: the replies (and any message to someone else) are in the outbox; the sender wakes at once.
            _outboxSignal.Notify();
            _metrics.UpdateProcessed();
            return InboxOutcome.Processed;
        }
        catch (Exception ex)
        {
            LogProcessingDeferred(update.Id, ex.GetType().Name);
            await ReleaseAsync(update.Id);
            return InboxOutcome.Deferred;
        }
    }

    /// <summary>While updates wait in lanes, their leases are renewed, so no retry (here or on another instance) takes them.</summary>
    private void EnsureHeartbeat()
    {
        if (Interlocked.CompareExchange(ref _heartbeat, 1, 0) == 0) _ = Task.Run(HeartbeatAsync);
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            while (_lanes.Queued > 0)
            {
                await Task.Delay(Lease / 3, _clock);
                foreach (var chunk in _lanes.HeldIds().Chunk(500))
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
                    var until = _clock.GetUtcNow() + Lease;
                    using var writing = await _writeGate.EnterAsync(db, CancellationToken.None);
                    await db.Inbox.Where(i => chunk.Contains(i.UpdateId) && i.Status == InboxStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedUntil, until));
                }
            }
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(ex.GetType().Name);
        }
        finally
        {
            Volatile.Write(ref _heartbeat, 0);
        }
        if (_lanes.Queued > 0) EnsureHeartbeat();
    }

    private async Task<bool> TryInsertAsync(long updateId, string payload, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = _clock.GetUtcNow();
        using var writing = await _writeGate.EnterAsync(db, ct);
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

    /// <summary>Not a message or button press: finished, nothing kept but the id.</summary>
    private async Task SetIgnoredAsync(long updateId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await _writeGate.EnterAsync(db, ct);
        await _ledger.FinishAsync(db, [new FinishedUpdate(updateId, UpdateFate.Done)], _clock.GetUtcNow(), ct);
    }

    /// <summary>Best effort: lets the retry worker take the row at once instead of after the lease.</summary>
    private async Task ReleaseAsync(long updateId)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using var writing = await _writeGate.EnterAsync(db, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of waiting updates failed ({ErrorType}); the next pass tries again")]
    private partial void LogHeartbeatFailed(string errorType);
}
