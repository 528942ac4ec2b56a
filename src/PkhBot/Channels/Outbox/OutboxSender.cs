using PkhBot.Channels.Telegram;

namespace PkhBot.Channels.Outbox;

/// <summary>The worker's delivery loop: wakes on <see cref="OutboxSignal"/> (a committed reply) or every second.</summary>
public sealed partial class OutboxSender(OutboxDispatcher dispatcher, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.RunAsync(untilIdle: false, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogLoopFailed(ex.GetType().Name, failures);
                try { await Task.Delay(Backoff.Delay(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox sender loop failed ({ErrorType}), failure {Failures}; restarting")]
    private partial void LogLoopFailed(string errorType, int failures);
}
