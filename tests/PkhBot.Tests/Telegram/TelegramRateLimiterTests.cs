using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PkhBot.Channels.Telegram;

namespace PkhBot.Tests.Telegram;

public sealed class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 17, 1, 0, 0, TimeSpan.Zero));

    /// <summary>The global limit high by default, so a test of one chat's limit sees that limit alone.</summary>
    private TelegramRateLimiter Limiter(int global = 1000, int burst = 3, int group = 20)
        => new(Options.Create(new TelegramOptions { GlobalPerSecond = global, PerChatBurst = burst, PerGroupPerMinute = group }), _clock);

    private static int Allowed(Func<RateDecision> acquire, int tries)
        => Enumerable.Range(0, tries).Count(_ => acquire().Allowed);

    [Fact]
    public void One_chat_gets_a_short_burst_then_one_message_a_second()
    {
        var limiter = Limiter();

        Assert.Equal(3, Allowed(() => limiter.TryAcquire(42), 10));
        var wait = limiter.TryAcquire(42);
        Assert.False(wait.Allowed);
        Assert.False(wait.Global);
        // A little over a second: headroom for the jitter between our clock and Telegram's.
        Assert.InRange(wait.Wait, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1150));

        _clock.Advance(wait.Wait);
        Assert.Equal(1, Allowed(() => limiter.TryAcquire(42), 5));
    }

    [Fact]
    public void A_chats_next_message_waits_a_full_interval_after_the_previous_call_came_back()
    {
        var limiter = new TelegramRateLimiter(Options.Create(new TelegramOptions()), _clock);
        Assert.True(limiter.TryAcquire(42).Allowed);

        // The call took 0.8 s (a slow network): Telegram saw the message late, so the next one must not follow at 1.1 s.
        _clock.Advance(TimeSpan.FromMilliseconds(800));
        limiter.Delivered(42);
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        var wait = limiter.TryAcquire(42);

        Assert.False(wait.Allowed);
        Assert.InRange(wait.Wait, TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(800));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_call_slower_than_a_full_interval_still_holds_the_chats_next_message_a_full_interval(int burst)
    {
        var limiter = Limiter(burst: burst);
        Assert.True(limiter.TryAcquire(42).Allowed);

        // A loaded machine: the call reached Telegram 2 s after we took its token and came straight back. The bucket
        // refilled meanwhile, but Telegram has just counted the message: the next one must not go out now.
        _clock.Advance(TimeSpan.FromSeconds(2));
        limiter.Delivered(42);
        Assert.Equal(burst - 1, Allowed(() => limiter.TryAcquire(42), burst));
        var wait = limiter.TryAcquire(42);

        Assert.False(wait.Allowed);
        Assert.InRange(wait.Wait, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1150));
    }

    [Fact]
    public void Other_chats_are_not_held_back_by_a_busy_one()
    {
        var limiter = Limiter();
        Allowed(() => limiter.TryAcquire(42), 10);

        Assert.True(limiter.TryAcquire(43).Allowed);
    }

    /// <summary>Most sends in any window of <paramref name="window"/> (Telegram may count limits that way, not as a bucket).</summary>
    private static int MostInAnyWindow(List<DateTimeOffset> sends, TimeSpan window)
        => sends.Select((t, i) => sends.Skip(i).TakeWhile(u => u - t < window).Count()).DefaultIfEmpty(0).Max();

    [Theory]
    [InlineData(5, 30)]      // a quick network
    [InlineData(20, 400)]    // a slow one, answers late and out of order
    public void Wherever_telegram_counts_a_call_between_send_and_answer_no_second_holds_thirty(int minMs, int maxMs)
    {
        var limiter = Limiter(global: 30);
        var random = new Random(minMs);
        var calls = new List<(DateTimeOffset Sent, DateTimeOffset Answered)>();
        var inFlight = new List<(long Chat, DateTimeOffset Answer, DateTimeOffset Sent)>();
        var end = _clock.GetUtcNow().AddSeconds(10);
        long chat = 1000;
        while (_clock.GetUtcNow() < end)
        {
            var now = _clock.GetUtcNow();
            foreach (var c in inFlight.Where(c => c.Answer <= now).ToList())
            {
                limiter.Delivered(c.Chat);
                calls.Add((c.Sent, c.Answer));
                inFlight.Remove(c);
            }
            while (limiter.TryAcquire(chat).Allowed)
                inFlight.Add((chat++, now.AddMilliseconds(random.Next(minMs, maxMs)), now));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Telegram counts each call somewhere between the two: as early as possible, as late, or anywhere between.
        Assert.InRange(MostInAnyWindow(calls.Select(c => c.Sent).Order().ToList(), TimeSpan.FromSeconds(1)), 1, 29);
        Assert.InRange(MostInAnyWindow(calls.Select(c => c.Answered).Order().ToList(), TimeSpan.FromSeconds(1)), 1, 29);
        Assert.InRange(MostInAnyWindow(calls.Select(c => c.Sent + (c.Answered - c.Sent) * random.NextDouble()).Order().ToList(), TimeSpan.FromSeconds(1)), 1, 29);
        // Still close to the limit while answers come back quickly (a slow network costs throughput, not 429s).
        if (maxMs <= 30) Assert.InRange(calls.Count, 10 * 28, 10 * 29);
    }

    [Fact]
    public void A_call_never_reported_back_stops_holding_its_place_after_a_few_minutes()
    {
        var limiter = Limiter(global: 30);
        var granted = 0;
        for (var i = 0; i < 200; i++, _clock.Advance(TimeSpan.FromMilliseconds(50)))
            if (limiter.TryAcquire(2000 + i).Allowed) granted++;
        Assert.Equal(29, granted);   // all 29 still in flight: nothing more may go

        _clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True(limiter.TryAcquire(3000).Allowed);
    }

    [Fact]
    public void A_group_gets_at_most_twenty_messages_in_any_minute()
    {
        var limiter = Limiter();
        var sends = new List<DateTimeOffset>();
        for (var ms = 0; ms < 180_000; ms += 100)
        {
            if (limiter.TryAcquire(-100123).Allowed) sends.Add(_clock.GetUtcNow());
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.InRange(MostInAnyWindow(sends, TimeSpan.FromMinutes(1)), 1, 19);
        Assert.InRange(sends.Count, 3 * 17, 3 * 19);
    }

    [Fact]
    public void A_high_configured_limit_still_lets_a_burst_through_at_once()
    {
        // The bench and load tests raise the limit; the sender looks for sendable messages every few milliseconds.
        var limiter = Limiter(global: 1000);
        var chat = 5000;

        Assert.InRange(Allowed(() => limiter.TryAcquire(chat++), 100), 30, 100);
    }

    [Fact]
    public void A_429_pauses_every_chat_for_retry_after()
    {
        var limiter = Limiter(global: 30);
        limiter.PauseAll(TimeSpan.FromSeconds(3));

        var d = limiter.TryAcquire(7);
        Assert.True(d.Global);
        Assert.Equal(TimeSpan.FromSeconds(3), d.Wait);

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(limiter.TryAcquire(7).Allowed);
    }

    [Fact]
    public void Button_answers_are_not_counted_against_the_chat()
    {
        var limiter = Limiter(burst: 1);
        Assert.True(limiter.TryAcquire(42).Allowed);

        Assert.True(limiter.TryAcquire(42, chatMessage: false).Allowed);
        Assert.False(limiter.TryAcquire(42).Allowed);
    }

    [Fact]
    public void A_wall_clock_set_back_an_hour_does_not_hold_back_any_send()
    {
        // The wall clock and the monotonic one apart, as on a server whose clock NTP steps back: FakeTimeProvider
        // moves both together, so this clock lets the wall clock jump while elapsed time keeps running.
        var clock = new SteppedWallClock(new DateTimeOffset(2025, 11, 17, 1, 0, 0, TimeSpan.Zero));
        var limiter = new TelegramRateLimiter(Options.Create(new TelegramOptions()), clock);
        Assert.True(limiter.TryAcquire(42).Allowed);
        limiter.Delivered(42);
        // Fill the global window (29 in a second) over 0.2 s, then a 429 pauses everything.
        for (var chat = 1000; chat < 1028; chat++)
        {
            while (!limiter.TryAcquire(chat).Allowed) clock.Elapse(TimeSpan.FromMilliseconds(10));
            limiter.Delivered(chat);
        }
        Assert.True(limiter.TryAcquire(2000).Global);
        limiter.PauseAll(TimeSpan.FromSeconds(2));

        clock.StepWallClock(TimeSpan.FromHours(-1));
        clock.Elapse(TimeSpan.FromSeconds(2.5));

        // The chat's interval, the global window and the 429 pause have all passed in elapsed time.
        Assert.True(limiter.TryAcquire(42).Allowed);
        limiter.Delivered(42);
        Assert.True(limiter.TryAcquire(44).Allowed);
        Assert.Equal(TimeSpan.Zero, limiter.PausedFor);
    }

    private sealed class SteppedWallClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _wall = start;
        private long _ticks;

        public override DateTimeOffset GetUtcNow() => _wall;
        public override long GetTimestamp() => _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void StepWallClock(TimeSpan by) => _wall += by;

        public void Elapse(TimeSpan by)
        {
            _wall += by;
            _ticks += by.Ticks;
        }
    }
}
