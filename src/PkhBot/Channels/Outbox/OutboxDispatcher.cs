using Microsoft.Extensions.Options;
using PkhBot.Channels.Telegram;

namespace PkhBot.Channels.Outbox;

/// <summary>
/// Delivers the telegram outbox: claims due rows with a lease, sends them through the rate limiter with a few
/// calls in flight, one at a time and in order per chat, and records each outcome as soon as it is known.
/// Used by the worker's <see cref="OutboxSender"/> (runs until stopped) and by <see cref="TelegramOutboxDrain"/>
/// (runs until nothing is due).
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    TelegramMessageSender sender,
    TelegramRateLimiter limiter,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<TelegramOptions> options,
    TelegramMetrics metrics,
    ILogger<OutboxDispatcher> log)
{
    private OutboxStore Store => store;
    private TelegramMessageSender Sender => sender;
    private TelegramRateLimiter Limiter => limiter;
    private OutboxSignal Signal => signal;
    private TimeProvider Clock => clock;
    private IOptions<TelegramOptions> Options => options;
    private TelegramMetrics Metrics => metrics;

    private static readonly TimeSpan ClaimInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(5);

    /// <summary>Delivers until <paramref name="ct"/> is cancelled (worker) or, with <paramref name="untilIdle"/>, until nothing is due.</summary>
    public async Task<DrainReport> RunAsync(bool untilIdle, CancellationToken ct)
    {
        var run = new Run(this, untilIdle);
        try
        {
            await run.LoopAsync(ct);
        }
        finally
        {
            await run.FinishAsync();
        }
        return new DrainReport(run.Sent, run.Unreachable, run.Failed, await SafeCountPendingAsync());
    }

    private async Task<int> SafeCountPendingAsync()
    {
        try { return await store.CountPendingAsync(CancellationToken.None); }
        catch (Exception ex) { LogDbFailed("count", ex.GetType().Name); return -1; }
    }

    /// <summary>A row held by this run, with what is known about it so far.</summary>
    private sealed class Held(OutboxMessage row)
    {
        public OutboxMessage Row { get; } = row;
        public int Priority { get; } = row.Kind is OutboxKind.Reply or OutboxKind.CallbackAnswer ? 0 : 1;
        public DateTimeOffset ReadyAt { get; set; }
        public int Attempts { get; set; } = row.Attempts;
        public bool PlainText { get; set; }
        public bool AsNewMessage { get; set; }
        public bool WithoutKeyboard { get; set; }
    }

    private sealed class Run(OutboxDispatcher d, bool untilIdle)
    {
        private readonly string _owner = Owner();
        private readonly List<Held> _queue = [];
        private readonly Dictionary<Task<(Held, SendResult)>, Held> _inflight = [];
        private readonly HashSet<long> _busyChats = [];
        private readonly List<OutboxStore.SentRow> _sent = [];
        private Task? _signalWait;
        private DateTimeOffset _nextClaim = DateTimeOffset.MinValue, _nextRenew = DateTimeOffset.MinValue;
        private bool _lastClaimFull;
        private int _dbFailures;

        public int Sent, Unreachable, Failed;

        public async Task LoopAsync(CancellationToken ct)
        {
            var o = d.Options.Value;
            var maxHeld = Math.Clamp(o.GlobalPerSecond * 5, 20, 500);
            while (!ct.IsCancellationRequested)
            {
                var now = d.Clock.GetUtcNow();
                var claimedNothing = false;
                if (untilIdle && _queue.Count == 0 && _inflight.Count == 0) _nextClaim = DateTimeOffset.MinValue;
                if (now >= _nextClaim || (_lastClaimFull && _queue.Count < maxHeld / 2))
                {
                    // Always room for a few more, so a fresh reply is claimed (and sorted first) even when bulk messages fill the queue.
                    var claimed = await TryDbAsync(() => d.Store.ClaimAsync(_owner, Math.Max(5, maxHeld - _queue.Count), ct), ct);
                    if (claimed is not null)
                    {
                        var known = _queue.Select(h => h.Row.Id).ToHashSet();
                        foreach (var row in claimed.Where(r => !known.Contains(r.Id))) _queue.Add(new Held(row) { ReadyAt = now });
                        _queue.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Row.Id.CompareTo(b.Row.Id));
                        _lastClaimFull = claimed.Count > 0 && _queue.Count >= maxHeld;
                        claimedNothing = claimed.Count == 0;
                    }
                    _nextClaim = now + (claimed is null ? Backoff.Delay(_dbFailures, ClaimInterval, TimeSpan.FromSeconds(30)) : ClaimInterval);
                }
                if (_queue.Count > 0 && now >= _nextRenew)
                {
                    await TryDbAsync(async () => { await d.Store.RenewAsync(_owner, ct); return ""; }, ct);
                    _nextRenew = now + RenewInterval;
                }

                var wait = StartSendable(o.MaxConcurrentSends);
                if (untilIdle && claimedNothing && _inflight.Count == 0 && _queue.All(h => h.ReadyAt > d.Clock.GetUtcNow()))
                    return;   // drain: everything due is delivered; what waits for a retry stays queued
                await WaitAsync(wait, untilIdle, ct);
            }
        }

        /// <summary>Starts every send the limits allow now; returns how long until something could start.</summary>
        private TimeSpan StartSendable(int maxConcurrent)
        {
            var now = d.Clock.GetUtcNow();
            var wait = ClaimInterval;
            var seenChats = new HashSet<long>();
            foreach (var h in _queue)
            {
                if (_inflight.Count >= maxConcurrent) break;
                var chat = h.Row.ChatId;
                // One at a time per chat and in order: a later message never overtakes an earlier one.
                if (!seenChats.Add(chat) || _busyChats.Contains(chat)) continue;
                if (h.ReadyAt > now) { wait = Min(wait, h.ReadyAt - now); continue; }
                var decision = d.Limiter.TryAcquire(chat, chatMessage: h.Row.Kind != OutboxKind.CallbackAnswer);
                if (!decision.Allowed)
                {
                    wait = Min(wait, decision.Wait);
                    if (decision.Global) break;
                    continue;
                }
                _busyChats.Add(chat);
                _inflight[SendOneAsync(h)] = h;
            }
            return wait < MinWait ? MinWait : wait;
        }

        private async Task<(Held, SendResult)> SendOneAsync(Held h)
        {
            await Task.Yield();
            // Not tied to the stop token: a call in flight finishes and is recorded, so it is never sent twice.
            var r = await d.Sender.SendAsync(h.Row, h.PlainText, h.AsNewMessage, CancellationToken.None, h.WithoutKeyboard);
            return (h, r);
        }

        private async Task WaitAsync(TimeSpan wait, bool untilIdle, CancellationToken ct)
        {
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var tasks = new List<Task>(_inflight.Keys) { Task.Delay(wait, d.Clock, delayCts.Token) };
            if (!untilIdle)
            {
                _signalWait ??= d.Signal.WaitAsync(TimeSpan.FromMinutes(1), ct);
                tasks.Add(_signalWait);
            }
            var done = await Task.WhenAny(tasks);
            delayCts.Cancel();
            if (done == _signalWait)
            {
                _signalWait = null;
                _nextClaim = DateTimeOffset.MinValue;   // something new was committed: look now
            }
            foreach (var t in _inflight.Keys.Where(t => t.IsCompleted).ToList())
            {
                var h = _inflight[t];
                _inflight.Remove(t);
                Released(h);
                await HandleResultAsync(h, (await t).Item2);
            }
            await FlushSentAsync();
        }

        /// <summary>The chat may take its next message, a full interval after this answer.</summary>
        private void Released(Held h)
        {
            _busyChats.Remove(h.Row.ChatId);
            d.Limiter.Delivered(h.Row.ChatId, chatMessage: h.Row.Kind != OutboxKind.CallbackAnswer);
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
            await PersistAsync(() => d.Store.MarkSentAsync(rows, CancellationToken.None));
        }

        private async Task HandleResultAsync(Held h, SendResult r)
        {
            var now = d.Clock.GetUtcNow();
            var o = d.Options.Value;
            var row = h.Row;
            switch (r.Status)
            {
                case SendStatus.Sent:
                    _queue.Remove(h);
                    Sent++;
                    d.Metrics.MessageSent();
                    d.Metrics.ApiSucceeded(now);
                    // Recorded with the other sends that finished meanwhile (see FlushSentAsync), before anything new starts.
                    _sent.Add(new OutboxStore.SentRow(row.Id, h.Attempts + 1, r.MessageId));
                    break;
                case SendStatus.RateLimited:
                    d.Metrics.RateLimited();
                    d.Limiter.PauseAll(r.RetryAfter);
                    d.LogRateLimited((int)r.RetryAfter.TotalSeconds);
                    break;   // stays first in line; the limiter holds everything back until retry_after
                case SendStatus.BadEntities when !h.PlainText:
                    h.PlainText = true;
                    d.LogPlainTextFallback(row.Id);
                    break;
                case SendStatus.Rejected when row.EditMessageId is not null && !h.AsNewMessage:
                    h.AsNewMessage = true;   // the message to edit is gone or too old: send a new one instead
                    break;
                case SendStatus.Rejected when row.KeyboardJson is not null && !h.WithoutKeyboard:
                    // Buttons Telegram will not take (data too long, bad URL): the text still reaches the user.
                    h.WithoutKeyboard = true;
                    d.LogKeyboardDropped(row.Id, Privacy.Mask.Text(r.Error ?? ""));
                    break;
                case SendStatus.Transient:
                    h.Attempts++;
                    d.Metrics.Retried();
                    if (h.Attempts >= o.MaxSendAttempts) goto default;
                    h.ReadyAt = now + Backoff.Delay(h.Attempts, o.RetryInitialDelay, TimeSpan.FromMinutes(1));
                    d.LogRetry(row.Id, h.Attempts, Privacy.Mask.Text(r.Error ?? ""), (int)(h.ReadyAt - now).TotalMilliseconds);
                    await PersistAsync(() => d.Store.RecordRetryAsync(row.Id, h.Attempts, h.ReadyAt, r.Error, CancellationToken.None));
                    break;
                case SendStatus.Forbidden:
                    var ids = await PersistAsync(() => d.Store.MarkChatUnreachableAsync(row.ChatId, r.Error, CancellationToken.None)) ?? [row.Id];
                    if (row.Kind == OutboxKind.CallbackAnswer)
                        await PersistAsync(() => d.Store.MarkFailedAsync(row.Id, h.Attempts + 1, r.Error, CancellationToken.None));
                    var gone = _queue.Where(x => (x.Row.ChatId == row.ChatId && x.Row.Kind != OutboxKind.CallbackAnswer) || x == h).ToList();
                    foreach (var x in gone) _queue.Remove(x);
                    Unreachable += Math.Max(ids.Count, 1);
                    d.Metrics.ChatUnreachable();
                    d.LogUnreachable(row.Id);
                    break;
                default:
                    _queue.Remove(h);
                    Failed++;
                    d.Metrics.MessageFailed();
                    d.LogFailed(row.Id, h.Attempts, Privacy.Mask.Text(r.Error ?? ""));
                    await PersistAsync(() => d.Store.MarkFailedAsync(row.Id, h.Attempts + (r.Status == SendStatus.Transient ? 0 : 1), r.Error, CancellationToken.None));
                    break;
            }
        }

        /// <summary>Outcome writes must land: a few quick retries before giving up (the lease then expires and the row is retried).</summary>
        private async Task<T?> PersistAsync<T>(Func<Task<T>> write)
        {
            for (var i = 1; ; i++)
            {
                try { return await write(); }
                catch (Exception ex) when (i < 6)
                {
                    d.LogDbFailed("record", ex.GetType().Name);
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * i * i), d.Clock);
                }
                catch (Exception ex)
                {
                    d.LogDbFailed("record", ex.GetType().Name);
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
                d.LogDbFailed("claim", ex.GetType().Name);
                return null;
            }
        }

        /// <summary>Lets calls in flight finish and be recorded, then hands the rest back.</summary>
        public async Task FinishAsync()
        {
            while (_inflight.Count > 0)
            {
                var t = await Task.WhenAny(_inflight.Keys);
                var h = _inflight[t];
                _inflight.Remove(t);
                Released(h);
                await HandleResultAsync(h, (await t).Item2);
            }
            await FlushSentAsync();
            if (_queue.Count == 0) return;
            await PersistAsync(() => d.Store.ReleaseAllAsync(_owner, CancellationToken.None));
            _queue.Clear();
        }

        private static string Owner()
        {
            var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
            return owner.Length <= 100 ? owner : owner[^100..];
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram said 429: pausing all sends for {RetryAfterSeconds} s")]
    private partial void LogRateLimited(int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: Telegram refused the message with its buttons ({Error}); resending the text alone")]
    private partial void LogKeyboardDropped(long outboxId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: Telegram could not parse the HTML; resending as plain text")]
    private partial void LogPlainTextFallback(long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {OutboxId}: attempt {Attempt} failed ({Error}); retry in {DelayMs} ms")]
    private partial void LogRetry(long outboxId, int attempt, string error, int delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {OutboxId}: chat blocked the bot or is gone (403); marked unreachable")]
    private partial void LogUnreachable(long outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {OutboxId}: given up after {Attempts} attempts ({Error})")]
    private partial void LogFailed(long outboxId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox database step '{Step}' failed ({ErrorType})")]
    private partial void LogDbFailed(string step, string errorType);
}
