using Microsoft.Extensions.Options;

namespace PkhBot.Channels.Telegram;

public readonly record struct RateDecision(TimeSpan Wait, bool Global)
{
    public bool Allowed => Wait <= TimeSpan.Zero;
}

/// <summary>
/// Telegram's limits: about 30 messages a second in all, one a second per chat (no burst by default), 20 a minute
/// per group (negative chat id). Telegram counts a message when it arrives, somewhere between our send and its
/// answer, and may count in any window of a second (a minute), not as a bucket. So the global limit counts every
/// call still in flight and every one answered less than a second ago (at most limit - 1 of them): whatever the
/// network or a busy CPU does to arrival times, no second at Telegram holds more. A chat's (group's) next message
/// waits a full interval after the previous one was answered.
/// Every granted call must be reported with <see cref="Delivered"/> when it comes back, whatever the outcome.
/// A 429 pauses everything for retry_after.
/// Thread-safe. Time is the injected <see cref="TimeProvider"/>'s monotonic clock (<c>GetTimestamp</c>), never the
/// wall clock: a wall clock stepped back (NTP, a VM restored) must not hold delivery back for the hour it moved.
/// </summary>
public sealed class TelegramRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly Bucket _global;
    private readonly RecentCalls _recent;
    private readonly double _chatRate, _chatBurst, _groupRate, _groupBurst;
    private readonly Dictionary<long, Bucket> _chats = [];
    private readonly Dictionary<long, Bucket> _groups = [];
    private readonly Lock _lock = new();
    private readonly long _origin;
    private TimeSpan _pausedUntil = TimeSpan.MinValue;
    private TimeSpan _lastPrune;

    /// <summary>Longer than any call may take (the send timeout is at most 120 s).</summary>
    private static readonly TimeSpan MaxInFlight = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);

    public TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        _origin = clock.GetTimestamp();
        var now = TimeSpan.Zero;
        // One under the limit: room for a checker that counts "at most 30" one differently. A small bucket spreads
        // the calls so they do not leave in one bunch after a quiet spell.
        _recent = new RecentCalls(Math.Max(1, o.GlobalPerSecond - 1), TimeSpan.FromSeconds(1), MaxInFlight);
        _global = new Bucket(Math.Max(1, Math.Round(o.GlobalPerSecond / 10.0)), o.GlobalPerSecond, now);
        // Per chat and group the rate is 90 %: two sends 1.00 s apart here can arrive 0.98 s apart at Telegram.
        // A bucket of capacity C and rate R lets through at most C + floor(R) in a window: a group's capacity takes
        // what keeps a minute one under its limit.
        _chatRate = o.PerChatPerSecond * 0.9;
        _chatBurst = Math.Max(1, o.PerChatBurst);
        _groupRate = o.PerGroupPerMinute / 60.0 * 0.9;
        _groupBurst = BurstWithin(o.PerGroupPerMinute, _groupRate * 60);
        _lastPrune = now;
    }

    /// <summary>Monotonic: time since this limiter was made.</summary>
    private TimeSpan Now() => _clock.GetElapsedTime(_origin);

    /// <summary>The bucket capacity that keeps capacity + floor(rate per window) one below the window's limit.</summary>
    private static double BurstWithin(int limitPerWindow, double ratePerWindow)
        => Math.Max(1, limitPerWindow - 1 - Math.Floor(ratePerWindow + 1e-9));

    /// <summary>
    /// Takes a token from every bucket that applies, or none and says how long to wait.
    /// <paramref name="chatMessage"/> false for calls that are not a chat message (answerCallbackQuery): only the global limit applies.
    /// </summary>
    public RateDecision TryAcquire(long chatId, bool chatMessage = true)
    {
        lock (_lock)
        {
            var now = Now();
            if (now < _pausedUntil) return new RateDecision(_pausedUntil - now, true);
            var globalWait = _global.WaitFor(now);
            var windowWait = _recent.WaitFor(now);
            if (windowWait > globalWait) globalWait = windowWait;
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
            _recent.Started(now);
            chat?.Take(now);
            group?.Take(now);
            if (now - _lastPrune > TimeSpan.FromMinutes(5)) Prune(now);
            return new RateDecision(TimeSpan.Zero, false);
        }
    }

    /// <summary>
    /// A granted call has come back (sent, refused or failed). Telegram counted it when it arrived, which can be well
    /// after we granted it (a busy CPU, a slow network): it stays in the global count for a second from now, and the
    /// chat's bucket is set back to where it would be had the token been taken just now, so the chat's next message
    /// starts a full interval after this answer, however long the call was in flight.
    /// </summary>
    /// <param name="chatMessage">As given to <see cref="TryAcquire"/>.</param>
    public void Delivered(long chatId, bool chatMessage = true)
    {
        lock (_lock)
        {
            var now = Now();
            _recent.Finished(now);
            if (!chatMessage) return;
            if (_chats.TryGetValue(chatId, out var chat)) chat.CountFrom(now);
            if (_groups.TryGetValue(chatId, out var group)) group.CountFrom(now);
        }
    }

    /// <summary>Telegram said 429: nothing goes out until retry_after has passed.</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = Now() + retryAfter;
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    public TimeSpan PausedFor
    {
        get { lock (_lock) { var now = Now(); return now < _pausedUntil ? _pausedUntil - now : TimeSpan.Zero; } }
    }

    private static Bucket Get(Dictionary<long, Bucket> map, long id, double capacity, double rate, TimeSpan now)
    {
        if (!map.TryGetValue(id, out var b)) map[id] = b = new Bucket(capacity, rate, now);
        return b;
    }

    /// <summary>Full buckets carry no information: drop them so 10,000 chats do not stay in memory.</summary>
    private void Prune(TimeSpan now)
    {
        _lastPrune = now;
        foreach (var map in new[] { _chats, _groups })
            foreach (var id in map.Where(kv => kv.Value.IsFull(now)).Select(kv => kv.Key).ToList())
                map.Remove(id);
    }

    /// <summary>
    /// Calls in flight and calls answered less than <paramref name="window"/> ago: Telegram may have counted any of
    /// them in the window that a new call would arrive in. At most <paramref name="max"/>. A call never reported
    /// back (a caller's bug) stops counting after <paramref name="maxInFlight"/>, so a leak cannot stall sending.
    /// </summary>
    private sealed class RecentCalls(int max, TimeSpan window, TimeSpan maxInFlight)
    {
        private readonly Queue<TimeSpan> _inFlight = new();   // when each started, oldest first
        private readonly Queue<TimeSpan> _answered = new();   // when each came back, oldest first

        public TimeSpan WaitFor(TimeSpan now)
        {
            while (_answered.TryPeek(out var t) && now - t >= window) _answered.Dequeue();
            while (_inFlight.TryPeek(out var t) && now - t >= maxInFlight) _inFlight.Dequeue();
            if (_inFlight.Count + _answered.Count < max) return TimeSpan.Zero;
            // Full: the oldest answer leaving the window frees a place; an answer coming back wakes the sender too.
            return _answered.TryPeek(out var oldest) ? oldest + window - now : InFlightPoll;
        }

        public void Started(TimeSpan now) => _inFlight.Enqueue(now);

        public void Finished(TimeSpan now)
        {
            if (_inFlight.TryDequeue(out _)) _answered.Enqueue(now);
        }
    }

    private sealed class Bucket(double capacity, double perSecond, TimeSpan now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private TimeSpan _at = now;

        private void Refill(TimeSpan now)
        {
            if (now <= _at) return;
            _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }

        public TimeSpan WaitFor(TimeSpan now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }

        public void Take(TimeSpan now)
        {
            Refill(now);
            _tokens -= 1;
        }

        /// <summary>
        /// The last token taken is counted from now: what refilled since it was taken is dropped (a part token back to
        /// none; a bucket that refilled while the call was slow keeps at most one token less than full).
        /// </summary>
        public void CountFrom(TimeSpan now)
        {
            Refill(now);
            if (_tokens < 1) _tokens = 0;
            _tokens = Math.Min(_tokens, _capacity - 1);
        }

        public bool IsFull(TimeSpan now)
        {
            Refill(now);
            return _tokens >= _capacity;
        }
    }
}
