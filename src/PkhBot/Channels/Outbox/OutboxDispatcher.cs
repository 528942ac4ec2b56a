using Microsoft.Extensions.Options;
using PkhBot.Channels.Telegram;

namespace PkhBot.Channels.Outbox;

/// <summary>
/// Delivers the telegram outbox: claims due rows with a lease (and with them their chats, so several instances never
/// send to one chat at once), sends them through the rate limiter with a few calls in flight, one at a time and in
/// order per chat, and records each outcome as soon as it is known. A transient failure pauses every send (back-off up
/// to a minute); a message is given up only by age (<c>Telegram:GiveUpAfterHours</c>). The work of one run is
/// <see cref="DeliveryRun"/>. Used by the worker's <see cref="OutboxSender"/> (runs until stopped) and by
/// <see cref="TelegramOutboxDrain"/> (runs until nothing is due).
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    TelegramMessageSender sender,
    TelegramRateLimiter limiter,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<TelegramOptions> options,
    TelegramMetrics metrics,
    ILogger<OutboxDispatcher> log)
{
    /// <summary>Delivers until <paramref name="ct"/> is cancelled (worker) or, with <paramref name="untilIdle"/>, until nothing is due.</summary>
    public async Task<DrainReport> RunAsync(bool untilIdle, CancellationToken ct)
    {
        var run = new DeliveryRun(store, sender, limiter, signal, clock, options.Value, metrics, log, untilIdle);
        try
        {
            await run.LoopAsync(ct);
        }
        finally
        {
            await run.FinishAsync();
        }
        int pending;
        try { pending = await store.CountPendingAsync(CancellationToken.None); }
        catch (Exception ex) when (ex is not OperationCanceledException) { pending = -1; }
        return new DrainReport(run.Sent, run.Unreachable, run.Failed, pending);
    }
}
