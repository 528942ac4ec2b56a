namespace PkhBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real clock moved on by hand: for a worker over the fake Bot API (whose poller, sender and pacing wait on real
/// time, which a FakeTimeProvider would freeze) when a test needs "a day later". Timers and timestamps stay real.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
