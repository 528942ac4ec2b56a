using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Conversation;

public sealed record PipelineResult(bool Duplicate, Caller? Caller, IReadOnlyList<OutboxMessage> Messages);

/// <summary>One update and what was prepared for it before its transaction.</summary>
public sealed record PreparedUpdate(Incoming Message, Prepared Prepared);

/// <summary>
/// The one path every message takes, whatever the channel, in two phases. <see cref="PrepareAsync"/>, outside any
/// transaction: the per-user throttle, then the <see cref="IPreparer"/>s (the only place an LLM is called, bounded by
/// Ai:MaxConcurrentCalls). <see cref="CommitAsync"/>: resolve the caller, route, then save the effects, the replies (as
/// outbox rows), the flow state and the channel's "finished" mark (<see cref="IUpdateLedger"/>) in one short transaction
/// that makes no network call. A retried transaction reuses what was prepared. The channel wakes its own sender
/// (the Telegram inbox does after each commit); the console reads its replies straight from the outbox.
/// </summary>
public sealed partial class ConversationPipeline(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    WriteGate writeGate,
    MessageThrottle throttle,
    IPrivateChatLink privateChatLink,
    Operations.PkhMetrics metrics,
    ILogger<ConversationPipeline> log)
{
    public const int MaxTextLength = 4096;
    private const int MaxAttempts = 3;
    private bool _noPreparers;

    /// <summary>Prepares and commits one update (console, tests; a channel with a ledger passes it).</summary>
    public Task<PipelineResult> ProcessAsync(Incoming msg, CancellationToken ct) => ProcessAsync(msg, null, ct);

    public async Task<PipelineResult> ProcessAsync(Incoming msg, IUpdateLedger? ledger, CancellationToken ct)
    {
        var prepared = await PrepareAsync(msg, ct);
        return await CommitAsync(new PreparedUpdate(msg, prepared), ledger, ct);
    }

    /// <summary>Prepares each update, then commits them together (see <see cref="CommitBatchAsync"/>).</summary>
    public Task<IReadOnlyList<PipelineResult>> ProcessBatchAsync(IReadOnlyList<Incoming> batch, CancellationToken ct) => ProcessBatchAsync(batch, null, ct);

    public async Task<IReadOnlyList<PipelineResult>> ProcessBatchAsync(IReadOnlyList<Incoming> batch, IUpdateLedger? ledger, CancellationToken ct)
    {
        var prepared = new List<PreparedUpdate>(batch.Count);
        foreach (var m in batch) prepared.Add(new PreparedUpdate(m, await PrepareAsync(m, ct)));
        return await CommitBatchAsync(prepared, ledger, ct);
    }

    /// <summary>
    /// Everything an update needs before its transaction, outside of it: the throttle's verdict and, when a preparer
    /// applies, its network-bound work over a read-only look at the caller and their flow. Never throws for a failed
    /// preparer: the handlers then take their offline path.
    /// </summary>
    public async Task<Prepared> PrepareAsync(Incoming msg, CancellationToken ct)
    {
        msg = Truncated(msg);
        var verdict = await throttle.CheckAsync(msg.UserId, c => IsStaffAsync(msg, c), ct);
        var prepared = new Prepared { Throttle = verdict };
        if (verdict != ThrottleVerdict.Pass) return prepared;
        if (!msg.IsPrivate) prepared.PrivateChatLink = await LinkAsync(ct);

        if (_noPreparers) return prepared;   // no LLM configured: nothing to prepare, ever
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var registered = sp.GetServices<IPreparer>().ToList();
        _noPreparers = registered.Count == 0;
        var preparers = registered.Where(p => p.AppliesTo(msg)).ToList();
        if (preparers.Count == 0) return prepared;
        using var logScope = CorrelationScope(msg);
        try
        {
            // Read-only: this context is never saved (the resolver's last-seen touch stays in memory).
            var db = sp.GetRequiredService<PkhDbContext>();
            var now = clock.GetUtcNow();
            var caller = await sp.GetRequiredService<CallerResolver>().ResolveAsync(msg, now, ct);
            var flow = msg.IsPrivate ? await MessageRouter.PeekFlowAsync(db, msg.UserId, now, ct) : null;
            var ctx = new PreparationContext(msg, caller, flow, db, sp, prepared) { Now = now };
            foreach (var p in preparers) await p.PrepareAsync(ctx, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogPrepareFailed(msg.UpdateId, ex.GetType().Name, Privacy.Mask.Text(ex.Message));
        }
        return prepared;
    }

    private async Task<bool> IsStaffAsync(Incoming msg, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var caller = await scope.ServiceProvider.GetRequiredService<CallerResolver>().ResolveAsync(msg, clock.GetUtcNow(), ct);
        return !caller.IsPublic;
    }

    private async Task<string?> LinkAsync(CancellationToken ct)
    {
        try { return await privateChatLink.LinkAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogLinkFailed(ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Commits one prepared update, retried a few times; after the last failure the user still gets an answer.</summary>
    public async Task<PipelineResult> CommitAsync(PreparedUpdate update, IUpdateLedger? ledger, CancellationToken ct)
    {
        var msg = Truncated(update.Message);
        update = update with { Message = msg };
        var started = clock.GetTimestamp();
        // Every log line written while this message is processed carries one id (never a name or a number of a person).
        using var logScope = CorrelationScope(msg);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = (await InWriteTransactionAsync((sp, db, c) => ProcessInTransactionAsync(sp, db, [update], ledger, c), ct))[0];
                if (result.Duplicate)
                {
                    metrics.UpdateDuplicate();
                    return result;
                }
                Count(update, clock.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogProcessingFailed(msg.UpdateId, attempt, ex.GetType().Name, Privacy.Mask.Text(ex.Message));
                if (attempt >= MaxAttempts)
                {
                    metrics.UpdateFailed();
                    return await SaveFailureAsync(msg, ex, ledger, ct);
                }
                // Real time on purpose: a short back-off for a busy database, not business time (a fake clock would stall it).
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt * attempt), ct);
            }
        }
    }

    /// <summary>
    /// Several prepared updates in one transaction, in the given order, each seeing the writes of the ones before: on
    /// SQLite's single writer that is one gate entry and one commit for the batch instead of one each. Any failure rolls
    /// the whole batch back and every update then goes through <see cref="CommitAsync"/> alone, with its retries: a bad
    /// update costs the others time, never their reply.
    /// </summary>
    public async Task<IReadOnlyList<PipelineResult>> CommitBatchAsync(IReadOnlyList<PreparedUpdate> batch, IUpdateLedger? ledger, CancellationToken ct)
    {
        if (batch.Count <= 1) return batch.Count == 0 ? [] : [await CommitAsync(batch[0], ledger, ct)];
        var updates = batch.Select(u => u with { Message = Truncated(u.Message) }).ToList();
        var started = clock.GetTimestamp();
        List<PipelineResult> results;
        try
        {
            results = await InWriteTransactionAsync((sp, db, c) => ProcessInTransactionAsync(sp, db, updates, ledger, c), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogBatchFailed(updates.Count, ex.GetType().Name, Privacy.Mask.Text(ex.Message));
            var alone = new List<PipelineResult>(updates.Count);
            foreach (var u in updates) alone.Add(await CommitAsync(u, ledger, ct));
            return alone;
        }
        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        for (var i = 0; i < updates.Count; i++)
        {
            if (results[i].Duplicate) metrics.UpdateDuplicate();
            else Count(updates[i], elapsed);
        }
        return results;
    }

    private void Count(PreparedUpdate update, double ms)
    {
        if (update.Prepared.Throttle == ThrottleVerdict.Pass) metrics.UpdateProcessed(update.Message.Channel, ms);
        else metrics.UpdateDropped();
    }

    private static Incoming Truncated(Incoming msg)
        => msg.Text is { Length: > MaxTextLength } ? msg with { Text = msg.Text[..MaxTextLength] } : msg;

    private IDisposable? CorrelationScope(Incoming msg) => log.BeginScope(new Dictionary<string, object?>
    {
        ["CorrelationId"] = msg.UpdateId is long uid ? $"{msg.Channel}-{uid}" : $"{msg.Channel}-{Guid.NewGuid():N}"[..20],
        ["Channel"] = msg.Channel,
    });

    /// <summary>
    /// Runs <paramref name="work"/> with one scope (every service sees the DbContext that holds the transaction), in
    /// the writer's turn, in one transaction. Nothing in it calls the network.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<IServiceProvider, PkhDbContext, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PkhDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A failed save fails the whole unit (it is retried from the start), so the savepoint EF would wrap
            // around every SaveChanges inside this transaction only costs: a quarter of the CPU of a report.
            db.Database.AutoSavepointsEnabled = false;
            using var writing = await writeGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work(sp, db, ct);
            await tx.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>
    /// The updates one after another inside the caller's transaction, in order; the ledger's finished ones (and a
    /// repeat within the batch) are skipped as duplicates, the rest are marked finished with their effects, at once.
    /// </summary>
    private async Task<List<PipelineResult>> ProcessInTransactionAsync(IServiceProvider sp, PkhDbContext db, IReadOnlyList<PreparedUpdate> updates, IUpdateLedger? ledger, CancellationToken ct)
    {
        var ids = ledger is null ? [] : updates.Select(u => u.Message.UpdateId).OfType<long>().Distinct().ToList();
        var finished = ids.Count == 0 ? (IReadOnlySet<long>)new HashSet<long>() : await ledger!.FinishedAsync(db, ids, ct);
        var marks = new List<FinishedUpdate>(ids.Count);
        var seen = new HashSet<long>();
        var results = new List<PipelineResult>(updates.Count);
        foreach (var (msg, prepared) in updates)
        {
            using var logScope = updates.Count > 1 ? CorrelationScope(msg) : null;
            if (ledger is not null && msg.UpdateId is long id)
            {
                if (finished.Contains(id) || !seen.Add(id))
                {
                    results.Add(new PipelineResult(true, null, []));
                    continue;
                }
                marks.Add(new FinishedUpdate(id, prepared.Throttle == ThrottleVerdict.Pass ? UpdateFate.Done : UpdateFate.Dropped));
            }
            results.Add(await ProcessOneAsync(sp, db, msg, prepared, ct));
        }
        if (marks.Count > 0) await ledger!.FinishAsync(db, marks, clock.GetUtcNow(), ct);
        return results;
    }

    /// <summary>One update inside the caller's transaction: its effects are saved, not committed.</summary>
    private async Task<PipelineResult> ProcessOneAsync(IServiceProvider sp, PkhDbContext db, Incoming msg, Prepared prepared, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        if (prepared.Throttle != ThrottleVerdict.Pass)
        {
            // Throttled: not processed; told once (the rest of the window is dropped without an answer).
            if (prepared.Throttle == ThrottleVerdict.Drop) return new PipelineResult(false, null, []);
            var notice = OutboxMessageFactory.Create(msg.Channel, msg.ChatId, new Reply(Texts.Throttled), OutboxKind.Reply, now);
            var answers = ToOutbox(msg, null, now);
            answers.Add(notice);
            db.Outbox.AddRange(answers);
            await db.SaveChangesAsync(ct);
            return new PipelineResult(false, null, answers);
        }

        var caller = await sp.GetRequiredService<CallerResolver>().ResolveAsync(msg, now, ct);
        var ctx = new ConversationContext(msg, caller, db, clock, sp) { Prepared = prepared };
        await sp.GetRequiredService<MessageRouter>().RouteAsync(ctx, ct);

        var outgoing = ToOutbox(msg, ctx, now);
        db.Outbox.AddRange(outgoing);
        await db.SaveChangesAsync(ct);
        return new PipelineResult(false, ctx.Caller, outgoing);
    }

    private static List<OutboxMessage> ToOutbox(Incoming msg, ConversationContext? ctx, DateTimeOffset now)
    {
        var list = new List<OutboxMessage>();
        if (msg.CallbackQueryId is { } cq)
        {
            list.Add(new OutboxMessage
            {
                Channel = msg.Channel, ChatId = msg.ChatId, Kind = OutboxKind.CallbackAnswer, CallbackQueryId = cq,
                Text = ctx?.CallbackToast ?? "", Status = OutboxStatus.Pending, CreatedAt = now, NotBefore = now,
            });
        }
        foreach (var reply in ctx?.Replies ?? [])
        {
            var m = OutboxMessageFactory.Create(msg.Channel, msg.ChatId, reply, OutboxKind.Reply, now);
            if (reply.EditPressedMessage && msg.CallbackMessageId is int mid) m.EditMessageId = mid;
            list.Add(m);
        }
        return list;
    }

    /// <summary>After the last attempt: the channel keeps the update as failed (for an operator) and the user still gets an answer.</summary>
    private async Task<PipelineResult> SaveFailureAsync(Incoming msg, Exception ex, IUpdateLedger? ledger, CancellationToken ct)
    {
        var reply = await InWriteTransactionAsync(async (sp, db, c) =>
        {
            var now = clock.GetUtcNow();
            var m = OutboxMessageFactory.Create(msg.Channel, msg.ChatId, new Reply(Texts.Error), OutboxKind.Reply, now);
            db.Outbox.Add(m);
            await db.SaveChangesAsync(c);
            if (ledger is not null && msg.UpdateId is long id)
            {
                var error = Privacy.Mask.Text(ex.GetType().Name + ": " + ex.Message);
                await ledger.FinishAsync(db, [new FinishedUpdate(id, UpdateFate.Failed, error.Length > 900 ? error[..900] : error)], now, c);
            }
            return m;
        }, ct);
        return new PipelineResult(false, null, [reply]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} updates failed ({ErrorType}: {Error}); processing them one by one")]
    private partial void LogBatchFailed(int count, string errorType, string error);

    // The exception's type and masked message only: its whole text (with SQL parameters, a user's words) is not logged.
    [LoggerMessage(Level = LogLevel.Error, Message = "Processing update {UpdateId} failed (attempt {Attempt}): {ErrorType}: {Error}")]
    private partial void LogProcessingFailed(long? updateId, int attempt, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing update {UpdateId} failed ({ErrorType}: {Error}); its handlers answer offline")]
    private partial void LogPrepareFailed(long? updateId, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The private-chat link is unknown ({ErrorType}); the group notice goes without it")]
    private partial void LogLinkFailed(string errorType);
}
