using Microsoft.Extensions.Options;

namespace PkhBot.Channels.Telegram;

public readonly record struct RateDecision(TimeSpan Wait, bool Global)
{
    public bool Allowed => Wait <= TimeSpan.Zero;
}

/// <summary>
/// Telegram's limits as token buckets: about 30 messages a second in all, one a second per chat (no burst by
/// default), 20 a minute per group (negative chat id). The global bucket holds a third of a second of tokens, and
/// every bucket refills a little below its limit, so network jitter between our send and Telegram's clock does
/// not turn into a 429.
/// A 429 pauses everything for retry_after.
/// Thread-safe; time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TelegramRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly Bucket _global;
    private readonly double _chatRate, _chatBurst, _groupRate, _groupBurst;
    private readonly Dictionary<long, Bucket> _chats = [];
    private readonly Dictionary<long, Bucket> _groups = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPrune;

    public TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        var now = clock.GetUtcNow();
        // A third of a second's worth of burst and 95 % of the rate: requests granted here reach Telegram with
        // jitter (busy CPU, several calls in flight), and that headroom keeps the bunching under Telegram's limit.
        _global = new Bucket(Math.Max(1, Math.Floor(o.GlobalPerSecond / 3.0)), o.GlobalPerSecond * 0.95, now);
        // The same headroom per chat and group: Telegram counts when a message arrives, and two sends 1.00 s apart
        // here can arrive 0.98 s apart there.
        _chatRate = o.PerChatPerSecond * 0.9;
        _chatBurst = Math.Max(1, o.PerChatBurst);
        _groupRate = o.PerGroupPerMinute / 60.0 * 0.9;
        _groupBurst = Math.Max(1, Math.Min(5, o.PerGroupPerMinute / 4));
        _lastPrune = now;
    }

    /// <summary>
    /// Takes a token from every bucket that applies, or none and says how long to wait.
    /// <paramref name="chatMessage"/> false for calls that are not a chat message (answerCallbackQuery): only the global limit applies.
    /// </summary>
    public RateDecision TryAcquire(long chatId, bool chatMessage = true)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (now < _pausedUntil) return new RateDecision(_pausedUntil - now, true);
            var globalWait = _global.WaitFor(now);
            if (globalWait > TimeSpan.Zero) return new RateDecision(globalWait, true);
            Bucket? chat = null, group = null;
            if (chatMessage)
            {
                chat = Get(_chats, chatId, _chatBurst, _chatRate, now);
                var wait = chat.WaitFor(now);
                if (chatId < 0)
                {
                    group = Get(_groups, chatId, _groupBurst, _groupRate, now);
                    var gw = group.WaitFor(now);
                    if (gw > wait) wait = gw;
                }
                if (wait > TimeSpan.Zero) return new RateDecision(wait, false);
            }
            _global.Take(now);
            chat?.Take(now);
            group?.Take(now);
            if (now - _lastPrune > TimeSpan.FromMinutes(5)) Prune(now);
            return new RateDecision(TimeSpan.Zero, false);
        }
    }

    /// <summary>
    /// A call to this chat has come back. Telegram counts a message when it arrives, which can be well after we
    /// took its token (a busy CPU, a slow network): the chat's bucket is set back to where it would be had the token
    /// been taken just now, so its next message starts a full interval after this answer and cannot arrive too close
    /// behind it, however long the call was in flight.
    /// </summary>
    public void Delivered(long chatId)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (_chats.TryGetValue(chatId, out var chat)) chat.CountFrom(now);
            if (_groups.TryGetValue(chatId, out var group)) group.CountFrom(now);
        }
    }

    /// <summary>Telegram said 429: nothing goes out until retry_after has passed.</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = _clock.GetUtcNow() + retryAfter;
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    public TimeSpan PausedFor
    {
        get { lock (_lock) { var now = _clock.GetUtcNow(); return now < _pausedUntil ? _pausedUntil - now : TimeSpan.Zero; } }
    }

    private static Bucket Get(Dictionary<long, Bucket> map, long id, double capacity, double rate, DateTimeOffset now)
    {
        if (!map.TryGetValue(id, out var b)) map[id] = b = new Bucket(capacity, rate, now);
        return b;
    }

    /// <summary>Full buckets carry no information: drop them so 10,000 chats do not stay in memory.</summary>
    private void Prune(DateTimeOffset now)
    {
        _lastPrune = now;
        foreach (var map in new[] { _chats, _groups })
            foreach (var id in map.Where(kv => kv.Value.IsFull(now)).Select(kv => kv.Key).ToList())
                map.Remove(id);
    }

    private sealed class Bucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private DateTimeOffset _at = now;

        private void Refill(DateTimeOffset now)
        {
            if (now <= _at) return;
            _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }

        public void Take(DateTimeOffset now)
        {
            Refill(now);
            _tokens -= 1;
        }

        /// <summary>
        /// The last token taken is counted from now: what refilled since it was taken is dropped (a part token back to
        /// none; a bucket that refilled while the call was slow keeps at most one token less than full).
        /// </summary>
        public void CountFrom(DateTimeOffset now)
        {
            Refill(now);
            if (_tokens < 1) _tokens = 0;
            _tokens = Math.Min(_tokens, _capacity - 1);
        }

        public bool IsFull(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= _capacity;
        }
    }
}
