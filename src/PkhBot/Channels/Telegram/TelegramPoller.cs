using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// Our own getUpdates loop, not Telegram.Bot's ReceiveAsync: that one confirms an update before its handler runs and
/// skips it when the handler throws. Here each batch is stored in the inbox first, and the offset that confirms it
/// to Telegram is only sent after that. Different users' updates are processed side by side, each user's in order (TelegramInbox's lanes).
/// Errors back off instead of hammering.
/// </summary>
public sealed partial class TelegramPoller(
    ITelegramBotClient bot,
    TelegramInbox inbox,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    TelegramMetrics metrics,
    ILogger<TelegramPoller> log) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    /// <summary>Updates waiting in lanes above which no more are fetched (they stay with Telegram until there is room).</summary>
    internal const int MaxQueued = 2_000;
    private static readonly TimeSpan BacklogPause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        var failures = 0;
        var webhookDeleted = false;
        int? offset = null;
        LogStarted(o.PollTimeoutSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookDeleted)
                {
                    // getUpdates answers 409 while a webhook is set. Keep what Telegram holds: never drop pending updates.
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
                    webhookDeleted = true;
                }
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: o.PollTimeoutSeconds, allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                metrics.ApiSucceeded(clock.GetUtcNow());
                failures = 0;
                if (updates.Length == 0) continue;
                // Stored first (one transaction), only then confirmed to Telegram by the next offset: a crash after
                // this line loses nothing, the retry worker finishes what was stored.
                var held = await inbox.StoreAsync(updates, stoppingToken);
                offset = updates.Max(u => u.Id) + 1;
                // Into the users' lanes, not waited for: one user's slow questions must not hold back the next poll
                // (and another user's report in it). Only a deep backlog holds the poller back.
                _ = inbox.ProcessAsync(held, stoppingToken);
                // Real time: a pause for the lanes to catch up, not business time.
                while (inbox.Queued > MaxQueued) await Task.Delay(BacklogPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                metrics.PollError();
                var delay = ex is ApiRequestException { Parameters.RetryAfter: int ra and > 0 }
                    ? TimeSpan.FromSeconds(ra)
                    : Backoff.Delay(failures, o.RetryInitialDelay, MaxBackoff);
                LogPollFailed(ex.GetType().Name, (ex as ApiRequestException)?.ErrorCode ?? 0, failures, (int)delay.TotalMilliseconds);
                try { await Task.Delay(delay, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        // Updates in hand finish; those not started are handed back to the retry worker.
        await inbox.DrainAsync();
        LogStopped();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram polling started (long poll {TimeoutSeconds} s)")]
    private partial void LogStarted(int timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram polling stopped")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed ({ErrorType} {ErrorCode}), failure {Failures}; next try in {DelayMs} ms")]
    private partial void LogPollFailed(string errorType, int errorCode, int failures, int delayMs);
}
