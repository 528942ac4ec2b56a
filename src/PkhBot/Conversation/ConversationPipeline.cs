using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Conversation;

public sealed record PipelineResult(bool Duplicate, Caller? Caller, IReadOnlyList<OutboxMessage> Messages);

/// <summary>
/// The one path every message takes, whatever the channel: resolve the caller, route, then save the effects,
/// the replies (as outbox rows), the flow state and the processed update id in a single transaction.
/// </summary>
public sealed partial class ConversationPipeline(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    OutboxSignal outboxSignal,
    WriteGate writeGate,
    Operations.PkhMetrics metrics,
    ILogger<ConversationPipeline> log)
{
    public const int MaxTextLength = 4096;
    private const int MaxAttempts = 3;

    public async Task<PipelineResult> ProcessAsync(Incoming msg, CancellationToken ct)
    {
        msg = Truncated(msg);
        var started = clock.GetTimestamp();
        // Every log line written while this message is processed carries one id (never a name or a number of a person).
        using var logScope = CorrelationScope(msg);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await ProcessOnceAsync(msg, ct);
                if (result.Duplicate)
                {
                    metrics.UpdateDuplicate();
                    return result;
                }
                if (result.Messages.Any(m => m.Channel == "telegram")) outboxSignal.Notify();
                metrics.UpdateProcessed(msg.Channel, clock.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogProcessingFailed(ex, msg.UpdateId, attempt, ex.GetType().Name);
                if (attempt >= MaxAttempts)
                {
                    metrics.UpdateFailed();
                    return await SaveFailureAsync(msg, ex, ct);
                }
                // Real time on purpose: a short back-off for a busy database, not business time (a fake clock would stall it).
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt * attempt), ct);
            }
        }
    }

    /// <summary>
    /// Several updates in one transaction, in the given order, each seeing the writes of the ones before: on SQLite's
    /// single writer that is one gate entry and one commit (the shared WAL pages written once) for the batch instead
    /// of one each. Any failure rolls the whole batch back and every update then goes through <see cref="ProcessAsync"/>
    /// alone, with its retries: a bad update costs the others time, never their reply.
    /// </summary>
    public async Task<IReadOnlyList<PipelineResult>> ProcessBatchAsync(IReadOnlyList<Incoming> batch, CancellationToken ct)
    {
        if (batch.Count <= 1) return batch.Count == 0 ? [] : [await ProcessAsync(batch[0], ct)];
        var msgs = batch.Select(Truncated).ToList();
        var started = clock.GetTimestamp();
        List<PipelineResult> results;
        try
        {
            results = await ProcessBatchOnceAsync(msgs, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogBatchFailed(ex, msgs.Count, ex.GetType().Name);
            var alone = new List<PipelineResult>(msgs.Count);
            foreach (var m in msgs) alone.Add(await ProcessAsync(m, ct));
            return alone;
        }
        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        for (var i = 0; i < msgs.Count; i++)
        {
            if (results[i].Duplicate) metrics.UpdateDuplicate();
            else metrics.UpdateProcessed(msgs[i].Channel, elapsed);
        }
        if (results.Any(r => r.Messages.Any(m => m.Channel == "telegram"))) outboxSignal.Notify();
        return results;
    }

    private static Incoming Truncated(Incoming msg)
        => msg.Text is { Length: > MaxTextLength } ? msg with { Text = msg.Text[..MaxTextLength] } : msg;

    private IDisposable? CorrelationScope(Incoming msg) => log.BeginScope(new Dictionary<string, object?>
    {
        ["CorrelationId"] = msg.UpdateId is long uid ? $"tg-{uid}" : $"{msg.Channel}-{Guid.NewGuid():N}"[..20],
        ["Channel"] = msg.Channel,
    });

    private Task<PipelineResult> ProcessOnceAsync(Incoming msg, CancellationToken ct)
        => InWriteTransactionAsync(async (sp, db, c) =>
        {
            var result = await ProcessInTransactionAsync(sp, db, msg, inboxMarkedByCaller: false, c);
            return (result, Commit: !result.Duplicate);
        }, ct);

    private Task<List<PipelineResult>> ProcessBatchOnceAsync(List<Incoming> msgs, CancellationToken ct)
        => InWriteTransactionAsync(async (sp, db, c) => (await ProcessBatchInTransactionAsync(sp, db, msgs, c), Commit: true), ct);

    /// <summary>
    /// Runs <paramref name="work"/> with one scope (every service sees the DbContext that holds the transaction), in
    /// the writer's turn, in one transaction that is committed when the work asks for it.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(
        Func<IServiceProvider, PkhDbContext, CancellationToken, Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PkhDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A failed save fails the whole unit (it is retried from the start), so the savepoint EF would wrap
            // around every SaveChanges inside this transaction only costs: a quarter of the CPU of a report.
            db.Database.AutoSavepointsEnabled = false;
            using var writing = await writeGate.EnterAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (result, commit) = await work(sp, db, ct);
            if (commit) await tx.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>The updates of a batch one after another inside one transaction, in order.</summary>
    private async Task<List<PipelineResult>> ProcessBatchInTransactionAsync(IServiceProvider sp, PkhDbContext db, List<Incoming> msgs, CancellationToken ct)
    {
        // The batch's stored updates are looked up once and marked done once, not two statements per update.
        var ids = msgs.Select(m => m.UpdateId).OfType<long>().Distinct().ToList();
        var stored = await db.Inbox.AsNoTracking().Where(i => ids.Contains(i.UpdateId))
            .Select(i => new { i.UpdateId, i.Status }).ToDictionaryAsync(i => i.UpdateId, i => i.Status, ct);
        var done = new List<long>(ids.Count);
        var results = new List<PipelineResult>(msgs.Count);
        foreach (var msg in msgs)
        {
            using var logScope = CorrelationScope(msg);
            if (msg.UpdateId is long id && stored.TryGetValue(id, out var status))
            {
                if (status == InboxStatus.Done || done.Contains(id))
                {
                    results.Add(new PipelineResult(true, null, []));
                    continue;
                }
                done.Add(id);
                results.Add(await ProcessInTransactionAsync(sp, db, msg, inboxMarkedByCaller: true, ct));
            }
            else results.Add(await ProcessInTransactionAsync(sp, db, msg, inboxMarkedByCaller: false, ct));
        }
        if (done.Count > 0)
        {
            var now = clock.GetUtcNow();
            await db.Inbox.Where(i => done.Contains(i.UpdateId)).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Status, InboxStatus.Done).SetProperty(i => i.ProcessedAt, now).SetProperty(i => i.Attempts, i => i.Attempts + 1), ct);
        }
        return results;
    }

    /// <summary>
    /// One update inside the caller's transaction: its effects are saved, not committed. Unless the caller marks the
    /// stored update done itself, it is looked up here (known and done: a duplicate) and marked done with the effects.
    /// </summary>
    private async Task<PipelineResult> ProcessInTransactionAsync(IServiceProvider sp, PkhDbContext db, Incoming msg, bool inboxMarkedByCaller, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();

        var inbox = inboxMarkedByCaller ? null : await MarkInboxAsync(db, msg, now, ct);
        if (inbox is { Status: InboxStatus.Done }) return new PipelineResult(true, null, []);

        var caller = await sp.GetRequiredService<CallerResolver>().ResolveAsync(msg, now, ct);
        var ctx = new ConversationContext(msg, caller, db, clock, sp);
        await sp.GetRequiredService<MessageRouter>().RouteAsync(ctx, ct);

        var outgoing = ToOutbox(msg, ctx, now);
        db.Outbox.AddRange(outgoing);
        if (inbox is not null)
        {
            inbox.Status = InboxStatus.Done;
            inbox.ProcessedAt = now;
            inbox.Attempts++;
        }
        await db.SaveChangesAsync(ct);
        return new PipelineResult(false, ctx.Caller, outgoing);
    }

    // Compiled once: every update runs it (see CallerResolver).
    private static readonly Func<PkhDbContext, long, CancellationToken, Task<InboxUpdate?>> InboxById =
        EF.CompileAsyncQuery((PkhDbContext db, long id, CancellationToken ct) => db.Inbox.FirstOrDefault(i => i.UpdateId == id));

    private static async Task<InboxUpdate?> MarkInboxAsync(PkhDbContext db, Incoming msg, DateTimeOffset now, CancellationToken ct)
    {
        if (msg.UpdateId is not long id) return null;
        var inbox = await InboxById(db, id, ct);
        if (inbox is null)
        {
            inbox = new InboxUpdate { UpdateId = id, Payload = "{}", Status = InboxStatus.Pending, ReceivedAt = now };
            db.Inbox.Add(inbox);
        }
        return inbox;
    }

    private static List<OutboxMessage> ToOutbox(Incoming msg, ConversationContext ctx, DateTimeOffset now)
    {
        var list = new List<OutboxMessage>();
        if (msg.CallbackQueryId is { } cq)
        {
            list.Add(new OutboxMessage
            {
                Channel = msg.Channel, ChatId = msg.ChatId, Kind = OutboxKind.CallbackAnswer, CallbackQueryId = cq,
                Text = ctx.CallbackToast ?? "", Status = OutboxStatus.Pending, CreatedAt = now, NotBefore = now,
            });
        }
        foreach (var reply in ctx.Replies)
        {
            var m = OutboxMessageFactory.Create(msg.Channel, msg.ChatId, reply, OutboxKind.Reply, now);
            if (reply.EditPressedMessage && msg.CallbackMessageId is int mid) m.EditMessageId = mid;
            list.Add(m);
        }
        return list;
    }

    /// <summary>After the last attempt: keep the update as failed (for an operator) and still answer the user.</summary>
    private async Task<PipelineResult> SaveFailureAsync(Incoming msg, Exception ex, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(ct);
        var now = clock.GetUtcNow();
        var reply = OutboxMessageFactory.Create(msg.Channel, msg.ChatId, new Reply(Texts.Error), OutboxKind.Reply, now);
        db.Outbox.Add(reply);
        if (msg.UpdateId is long id)
        {
            var inbox = await db.Inbox.FirstOrDefaultAsync(i => i.UpdateId == id, ct);
            if (inbox is null) db.Inbox.Add(inbox = new InboxUpdate { UpdateId = id, Payload = "{}", ReceivedAt = now });
            inbox.Status = InboxStatus.Failed;
            inbox.Attempts += MaxAttempts;
            var error = Privacy.Mask.Text(ex.GetType().Name + ": " + ex.Message);
            inbox.LastError = error.Length > 900 ? error[..900] : error;
        }
        await db.SaveChangesAsync(ct);
        if (msg.Channel == "telegram") outboxSignal.Notify();
        return new PipelineResult(false, null, [reply]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} updates failed ({ErrorType}); processing them one by one")]
    private partial void LogBatchFailed(Exception ex, int count, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing update {UpdateId} failed (attempt {Attempt}): {ErrorType}")]
    private partial void LogProcessingFailed(Exception ex, long? updateId, int attempt, string errorType);
}
