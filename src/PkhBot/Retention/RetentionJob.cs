using Quartz;

namespace PkhBot.Retention;

/// <summary>The daily retention run on the reminders' Quartz scheduler (one store, one cluster: it fires once).</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionService retention, TimeProvider clock) : IJob
{
    public const string Name = "retention";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        => context.Result = await retention.RunAsync(clock.GetUtcNow(), cancellationToken);
}
