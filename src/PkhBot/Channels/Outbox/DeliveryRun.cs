using PkhBot.Channels.Telegram;

namespace PkhBot.Channels.Outbox;

/// <summary>
/// One run of <see cref="OutboxDispatcher"/>: the rows this instance holds, the calls in flight and the outage state.
/// Its own timing (claims, renewals, back-off) runs on the monotonic clock; only what is stored (leases, ages) uses
/// the wall clock, because other instances read it.
/// </summary>
internal sealed partial class DeliveryRun(
    OutboxStore store,
    TelegramMessageSender sender,
    TelegramRateLimiter limiter,
    OutboxSignal signal,
    TimeProvider clock,
    TelegramOptions options,
    TelegramMetrics metrics,
    ILogger log,
    bool untilIdle)
{
    private static readonly TimeSpan ClaimInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExpireInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxOutageBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(5);

    private readonly long _started = clock.GetTimestamp();
    private readonly string _owner = Owner();
    private readonly List<Held> _queue = [];
    private readonly Dictionary<Task<(Held, SendResult)>, Held> _inflight = [];
    private readonly HashSet<long> _busyChats = [];
    private readonly List<OutboxStore.SentRow> _sent = [];
    private Task? _signalWait;
    private TimeSpan _nextClaim = TimeSpan.MinValue, _nextRenew = TimeSpan.MinValue, _nextExpire = TimeSpan.MinValue;
    private bool _lastClaimFull;
    private int _dbFailures;

    // Outage: consecutive transient failures pause every send (one call at a time once the pause is over).
    private int _outageFailures;
    private TimeSpan _pausedUntil = TimeSpan.MinValue, _outageSince;
    private int _expiredUntold;

    public int Sent, Unreachable, Failed;

    /// <summary>Monotonic: time since this run started.</summary>
    private TimeSpan Now => clock.GetElapsedTime(_started);

    /// <summary>A chat's next message waits this long after the last answer; another instance is kept out as long.</summary>
    private TimeSpan ChatInterval => TimeSpan.FromSeconds(1.1 / options.PerChatPerSecond);

    public async Task LoopAsync(CancellationToken ct)
    {
        var maxHeld = Math.Clamp(options.GlobalPerSecond * 5, 20, 500);
        while (!ct.IsCancellationRequested)
        {
            var now = Now;
            var claimedNothing = false;
            if (now >= _nextExpire)
            {
                await ExpireOldAsync(ct);
                _nextExpire = now + ExpireInterval;
            }
            if (_expiredUntold > 0 && _outageFailures == 0) await TellAdminsAsync();
            if (untilIdle && _queue.Count == 0 && _inflight.Count == 0) _nextClaim = TimeSpan.MinValue;
            if (now >= _nextClaim || (_lastClaimFull && _queue.Count < maxHeld / 2))
            {
                // Always room for a few more, so a fresh reply is claimed (and sorted first) even when bulk messages fill the queue.
                var claimed = await TryDbAsync(() => store.ClaimAsync(_owner, Math.Max(5, maxHeld - _queue.Count), ct), ct);
                if (claimed is not null)
                {
                    var known = _queue.Select(h => h.Row.Id).ToHashSet();
                    foreach (var row in claimed.Where(r => !known.Contains(r.Id))) _queue.Add(new Held(row));
                    _queue.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Row.Id.CompareTo(b.Row.Id));
                    _lastClaimFull = claimed.Count > 0 && _queue.Count >= maxHeld;
                    claimedNothing = claimed.Count == 0;
                }
                _nextClaim = now + (claimed is null ? Backoff.Delay(_dbFailures, ClaimInterval, TimeSpan.FromSeconds(30)) : ClaimInterval);
            }
            if (_queue.Count > 0 && now >= _nextRenew)
            {
                await TryDbAsync(async () => { await store.RenewAsync(_owner, ct); return ""; }, ct);
                _nextRenew = now + RenewInterval;
            }

            var wait = StartSendable();
            // Drain: everything due is delivered; during an outage what is held stays queued for the worker.
            if (untilIdle && claimedNothing && _inflight.Count == 0 && (_queue.Count == 0 || _outageFailures > 0)) return;
            await WaitAsync(wait, ct);
        }
    }

    /// <summary>Starts every send the limits allow now; returns how long until something could start.</summary>
    private TimeSpan StartSendable()
    {
        var now = Now;
        if (now < _pausedUntil) return Max(_pausedUntil - now, MinWait);
        // Once an outage's pause is over, one call tries whether Telegram answers again; the rest wait for it.
        var maxConcurrent = _outageFailures > 0 ? 1 : options.MaxConcurrentSends;
        var wait = ClaimInterval;
        var seenChats = new HashSet<long>();
        foreach (var h in _queue)
        {
            if (_inflight.Count >= maxConcurrent) break;
            var chat = h.Row.ChatId;
            // One at a time per chat and in order: a later message never overtakes an earlier one.
            if (!seenChats.Add(chat) || _busyChats.Contains(chat)) continue;
            var decision = limiter.TryAcquire(chat, chatMessage: h.Row.Kind != OutboxKind.CallbackAnswer);
            if (!decision.Allowed)
            {
                wait = Min(wait, decision.Wait);
                if (decision.Global) break;
                continue;
            }
            _busyChats.Add(chat);
            _inflight[SendOneAsync(h)] = h;
        }
        return Max(wait, MinWait);
    }

    private async Task<(Held, SendResult)> SendOneAsync(Held h)
    {
        await Task.Yield();
        // Not tied to the stop token: a call in flight finishes and is recorded, so it is never sent twice.
        var r = await sender.SendAsync(h.Row, h.PlainText, h.AsNewMessage, CancellationToken.None, h.WithoutKeyboard);
        return (h, r);
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new List<Task>(_inflight.Keys) { Task.Delay(wait, clock, delayCts.Token) };
        if (!untilIdle)
        {
            _signalWait ??= signal.WaitAsync(TimeSpan.FromMinutes(1), ct);
            tasks.Add(_signalWait);
        }
        var done = await Task.WhenAny(tasks);
        delayCts.Cancel();
        if (done == _signalWait)
        {
            _signalWait = null;
            _nextClaim = TimeSpan.MinValue;   // something new was committed: look now
        }
        foreach (var t in _inflight.Keys.Where(t => t.IsCompleted).ToList())
            await CompleteAsync(t);
        await FlushSentAsync();
    }

    private async Task CompleteAsync(Task<(Held, SendResult)> t)
    {
        var h = _inflight[t];
        _inflight.Remove(t);
        // The chat may take its next message a full interval after this answer.
        _busyChats.Remove(h.Row.ChatId);
        limiter.Delivered(h.Row.ChatId, chatMessage: h.Row.Kind != OutboxKind.CallbackAnswer);
        await HandleResultAsync(h, (await t).Item2);
    }

    /// <summary>
    /// Marks every confirmed send Sent in one write, retried hard: a row marked Sent is never sent again. Runs before
    /// the next claim, so a confirmed row is never claimed twice by this run; a crash in between can resend only these.
    /// </summary>
    private async Task FlushSentAsync()
    {
        if (_sent.Count == 0) return;
        var rows = _sent.ToList();
        _sent.Clear();
        await PersistAsync(() => store.MarkSentAsync(rows, _owner, ChatInterval, CancellationToken.None));
    }

    private async Task HandleResultAsync(Held h, SendResult r)
    {
        var row = h.Row;
        switch (r.Status)
        {
            case SendStatus.Sent:
                _queue.Remove(h);
                Sent++;
                metrics.MessageSent();
                metrics.ApiSucceeded(clock.GetUtcNow());
                if (_outageFailures > 0) LogOutageOver((int)(Now - _outageSince).TotalSeconds);
                _outageFailures = 0;
                // Recorded with the other sends that finished meanwhile (see FlushSentAsync), before anything new starts.
                _sent.Add(new OutboxStore.SentRow(row.Id, h.Attempts + 1, r.MessageId));
                break;
            case SendStatus.RateLimited:
                metrics.RateLimited();
                limiter.PauseAll(r.RetryAfter);
                LogRateLimited((int)r.RetryAfter.TotalSeconds);
                break;   // stays first in line; the limiter holds everything back until retry_after
            case SendStatus.BadEntities when !h.PlainText:
                h.PlainText = true;
                LogPlainTextFallback(row.Id);
                break;
            case SendStatus.Rejected when row.EditMessageId is not null && !h.AsNewMessage:
                h.AsNewMessage = true;   // the message to edit is gone or too old: send a new one instead
                break;
            case SendStatus.Rejected when row.KeyboardJson is not null && !h.WithoutKeyboard:
                // Buttons Telegram will not take (data too long, bad URL): the text still reaches the user.
                h.WithoutKeyboard = true;
                LogKeyboardDropped(row.Id, Privacy.Mask.Text(r.Error ?? ""));
                break;
            case SendStatus.Transient:
                h.Attempts++;
                metrics.Retried();
                OutageFailure(row.Id, r.Error);
                // Stays first in line; only its age can give it up (ExpireOldAsync).
                await PersistAsync(() => store.RecordRetryAsync(row.Id, h.Attempts, r.Error, CancellationToken.None));
                break;
            case SendStatus.Forbidden:
                var ids = await PersistAsync(() => store.MarkChatUnreachableAsync(row.ChatId, r.Error, CancellationToken.None)) ?? [row.Id];
                if (row.Kind == OutboxKind.CallbackAnswer)
                    await PersistAsync(() => store.MarkFailedAsync(row.Id, h.Attempts + 1, r.Error, CancellationToken.None));
                _queue.RemoveAll(x => (x.Row.ChatId == row.ChatId && x.Row.Kind != OutboxKind.CallbackAnswer) || x == h);
                Unreachable += Math.Max(ids.Count, 1);
                metrics.ChatUnreachable();
                LogUnreachable(row.Id);
                break;
            default:
                _queue.Remove(h);
                Failed++;
                metrics.MessageFailed();
                LogFailed(row.Id, h.Attempts + 1, Privacy.Mask.Text(r.Error ?? ""));
                await PersistAsync(() => store.MarkFailedAsync(row.Id, h.Attempts + 1, r.Error, CancellationToken.None));
                break;
        }
    }

    /// <summary>
    /// A 5xx, timeout, refused connection or 401: Telegram (or the way to it) is down for everyone, not for this
    /// message. Every send pauses, the pause doubling (with jitter) up to a minute; a call that was already in flight
    /// when the pause began does not lengthen it.
    /// </summary>
    private void OutageFailure(long outboxId, string? error)
    {
        var now = Now;
        if (now < _pausedUntil) return;
        if (_outageFailures == 0) _outageSince = now;
        _outageFailures++;
        var pause = Backoff.Delay(_outageFailures, options.RetryInitialDelay, MaxOutageBackoff);
        _pausedUntil = now + pause;
        LogOutage(outboxId, _outageFailures, Privacy.Mask.Text(error ?? ""), (int)pause.TotalMilliseconds);
    }

    /// <summary>Gives up what has waited longer than <c>Telegram:GiveUpAfterHours</c> (the only way a message is given up for a transient failure).</summary>
    private async Task ExpireOldAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.GiveUpAfter;
        var inFlight = _inflight.Values.Select(h => h.Row.Id).ToHashSet();
        var ids = await TryDbAsync(() => store.ExpireAsync(_owner, cutoff, inFlight, ct), ct);
        if (ids is null || ids.Count == 0) return;
        var expired = ids.ToHashSet();
        _queue.RemoveAll(h => expired.Contains(h.Row.Id));
        Failed += ids.Count;
        metrics.MessagesExpired(ids.Count);
        _expiredUntold += ids.Count;
        LogExpired(ids.Count, options.GiveUpAfterHours);
    }

    /// <summary>Once Telegram answers again (or was never down), the admins hear once about everything given up meanwhile.</summary>
    private async Task TellAdminsAsync()
    {
        var count = _expiredUntold;
        _expiredUntold = 0;
        var admins = await PersistAsync(() => store.QueueToAdminsAsync(OutboxTexts.GivenUpToAdmins(count, options.GiveUpAfterHours), CancellationToken.None));
        LogAdminsTold(count, admins);
        _nextClaim = TimeSpan.MinValue;
    }

    /// <summary>Outcome writes must land: a few quick retries before giving up (the lease then expires and the row is retried).</summary>
    private async Task<T?> PersistAsync<T>(Func<Task<T>> write)
    {
        for (var i = 1; ; i++)
        {
            try { return await write(); }
            catch (Exception ex) when (i < 6)
            {
                LogDbFailed("record", ex.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * i * i), clock);
            }
            catch (Exception ex)
            {
                LogDbFailed("record", ex.GetType().Name);
                return default;
            }
        }
    }

    private Task PersistAsync(Func<Task> write) => PersistAsync(async () => { await write(); return true; });

    private async Task<T?> TryDbAsync<T>(Func<Task<T>> action, CancellationToken ct) where T : class
    {
        try
        {
            var r = await action();
            _dbFailures = 0;
            return r;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            _dbFailures++;
            LogDbFailed("claim", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Lets calls in flight finish and be recorded, then hands the rest back.</summary>
    public async Task FinishAsync()
    {
        while (_inflight.Count > 0) await CompleteAsync(await Task.WhenAny(_inflight.Keys));
        await FlushSentAsync();
        if (_expiredUntold > 0) await TellAdminsAsync();
        if (_queue.Count == 0) return;
        await PersistAsync(() => store.ReleaseAllAsync(_owner, CancellationToken.None));
        _queue.Clear();
    }

    private static string Owner()
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return owner.Length <= 100 ? owner : owner[^100..];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A row held by this run, with what is known about it so far.</summary>
    private sealed class Held(OutboxMessage row)
    {
        public OutboxMessage Row { get; } = row;
        public int Priority { get; } = row.Kind is OutboxKind.Reply or OutboxKind.CallbackAnswer ? 0 : 1;
        public int Attempts { get; set; } = row.Attempts;
        public bool PlainText { get; set; }
        public bool AsNewMessage { get; set; }
        public bool WithoutKeyboard { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram said 429: pausing all sends for {RetryAfterSeconds} s")]
    private partial void LogRateLimited(int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: Telegram refused the message with its buttons ({Error}); resending the text alone")]
    private partial void LogKeyboardDropped(long outboxId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: Telegram could not parse the HTML; resending as plain text")]
    private partial void LogPlainTextFallback(long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: Telegram unreachable ({Error}), failure {Failures} in a row; all sends paused for {DelayMs} ms")]
    private partial void LogOutage(long outboxId, int failures, string error, int delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram answers again after {Seconds} s; sending resumes")]
    private partial void LogOutageOver(int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} messages given up: not delivered within {Hours} h")]
    private partial void LogExpired(int count, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} given-up messages reported to {Admins} admins")]
    private partial void LogAdminsTold(int count, int admins);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {OutboxId}: chat blocked the bot or is gone (403); marked unreachable")]
    private partial void LogUnreachable(long outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {OutboxId}: Telegram refused it for good after {Attempts} attempts ({Error})")]
    private partial void LogFailed(long outboxId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox database step '{Step}' failed ({ErrorType})")]
    private partial void LogDbFailed(string step, string errorType);
}
