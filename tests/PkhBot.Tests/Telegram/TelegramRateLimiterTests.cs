using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PkhBot.Channels.Telegram;

namespace PkhBot.Tests.Telegram;

public sealed class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 17, 1, 0, 0, TimeSpan.Zero));

    private TelegramRateLimiter Limiter(int global = 30, int burst = 3, int group = 20)
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

    [Fact]
    public void The_global_limit_stays_below_thirty_a_second_over_any_second()
    {
        var limiter = Limiter();
        var sent = 0;
        for (var ms = 0; ms < 10_000; ms += 5)
        {
            for (var chat = 0; chat < 50; chat++)
                if (limiter.TryAcquire(1000 + sent).Allowed) sent++;
            _clock.Advance(TimeSpan.FromMilliseconds(5));
        }
        // Ten seconds at a little under 30/s, plus the (third of a second) starting burst: never over 30/s.
        Assert.InRange(sent, 270, 30 * 10);
    }

    [Fact]
    public void A_group_gets_at_most_twenty_messages_a_minute()
    {
        var limiter = Limiter();
        var sent = 0;
        for (var s = 0; s < 120; s++)
        {
            if (limiter.TryAcquire(-100123).Allowed) sent++;
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.InRange(sent, 34, 2 * 20 + 5);
    }

    [Fact]
    public void A_429_pauses_every_chat_for_retry_after()
    {
        var limiter = Limiter();
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
}
