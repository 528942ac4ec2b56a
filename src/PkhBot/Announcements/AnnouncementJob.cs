using Quartz;

namespace PkhBot.Announcements;

/// <summary>
/// Quartz job (every 30 s): queues scheduled announcements whose time has come and reports finished ones to
/// their author. Through Quartz so that with several instances on SQL Server it runs on one node at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AnnouncementJob(IServiceScopeFactory scopes, ILogger<AnnouncementJob> log) : IJob
{
    public const string Name = "announcements";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<AnnouncementQueue>();
            var queued = await queue.QueueDueAsync(cancellationToken);
            var finished = await queue.ReportFinishedAsync(cancellationToken);
            context.Result = $"queued {queued}, finished {finished}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; a failing run must not take the scheduler down.
            LogFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcement job failed: {Error}")]
    private partial void LogFailed(string error);
}
