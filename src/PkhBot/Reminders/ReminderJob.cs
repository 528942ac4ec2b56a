using Quartz;

namespace PkhBot.Reminders;

/// <summary>The one thin Quartz job: the job key's name selects the planner; time comes from the injected clock.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderRunner runner, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await runner.RunAsync(context.JobDetail.Key.Name, clock.GetUtcNow(), cancellationToken);
        context.Result = result;
    }
}
