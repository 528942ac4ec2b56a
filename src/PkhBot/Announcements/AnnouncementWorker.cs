namespace PkhBot.Announcements;

/// <summary>Worker-mode loop: tells authors when their announcement is fully out.</summary>
public sealed partial class AnnouncementWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AnnouncementWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AnnouncementQueue>().ReportFinishedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcement progress check failed: {Error}")]
    private partial void LogFailed(string error);
}
