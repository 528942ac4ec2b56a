namespace PkhBot.Knowledge;

/// <summary>
/// Builds the index as soon as the worker has started (polling already runs), not before: the bot is ready
/// sooner, and a question that arrives meanwhile just waits for the build.
/// A missing or broken prompts/knowledge folder still stops the bot, with a clear message and exit code 1.
/// </summary>
public sealed partial class KnowledgeWarmup(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<KnowledgeWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After the start, not beside it: on two cores the build would slow the start down; a question that
        // arrives before the index is ready waits for it.
        await WhenStartedAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested) return;
        try
        {
            services.GetRequiredService<KnowledgeIndex>();
            // Start-up (EF model, migrations check, index build) leaves garbage the GC would keep committed for a
            // long idle time; one compacting collection hands it back to the OS on a small machine.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception ex)
        {
            LogBuildFailed(ex, ex.GetType().Name, ex.Message);
            Environment.ExitCode = 1;
            // Built after the start is complete, so stopping now interrupts nothing still starting (the scheduler).
            lifetime.StopApplication();
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
            await started.Task;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Basis pengetahuan tidak bisa dimuat ({ErrorType}: {Error}). Periksa folder prompts/knowledge (atau Knowledge:Path), lalu jalankan lagi.")]
    private partial void LogBuildFailed(Exception ex, string errorType, string error);
}
