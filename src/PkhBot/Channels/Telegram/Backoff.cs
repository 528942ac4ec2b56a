namespace PkhBot.Channels.Telegram;

/// <summary>Exponential back-off with full jitter, capped: spreads retries so several instances do not hammer in step.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, Random? random = null)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var exp = Math.Min(initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20)), max.TotalMilliseconds);
        // Half fixed, half random: never zero (no hammering), never in lock-step.
        var jitter = (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromMilliseconds(exp / 2 + exp / 2 * jitter);
    }
}
