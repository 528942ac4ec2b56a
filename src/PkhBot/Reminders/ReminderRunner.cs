using PkhBot.Channels.Outbox;

namespace PkhBot.Reminders;

public sealed record ReminderRunResult(string Job, DateTimeOffset Now, string? SkippedReason, int Queued, int Duplicates, int Messages);

/// <summary>
/// Runs one job as of <c>now</c>: nothing on weekends and holidays, otherwise the planner's nudges are
/// written (deduplicated, quiet hours respected) and the sender is woken. Used by Quartz and by `jobs run`.
/// </summary>
public sealed partial class ReminderRunner(IServiceScopeFactory scopes, WorkCalendar calendar, OutboxSignal signal, Operations.PkhMetrics metrics, ILogger<ReminderRunner> log)
{
    public static readonly IReadOnlyList<string> Jobs =
        [JobNames.PendampingWeekly, JobNames.FollowUpDue, JobNames.Escalation, JobNames.CoordinatorWeekly, JobNames.GraduationCandidates, JobNames.ReferralUnanswered];

    public async Task<ReminderRunResult> RunAsync(string job, DateTimeOffset now, CancellationToken ct)
    {
        if (!Jobs.Contains(job)) throw new ArgumentException($"Unknown job '{job}'", nameof(job));
        var today = calendar.LocalDate(now);
        if (!calendar.IsWorkingDay(today))
        {
            var reason = calendar.IsHoliday(today) ? "hari libur" : "akhir pekan";
            LogSkipped(log, job, reason);
            return new ReminderRunResult(job, now, reason, 0, 0, 0);
        }

        // The planner reads in its own scope (it may stream), the writer writes in another.
        await using var planScope = scopes.CreateAsyncScope();
        await using var writeScope = scopes.CreateAsyncScope();
        var planner = planScope.ServiceProvider.GetServices<IReminderPlanner>().Single(p => p.Job == job);
        var writer = writeScope.ServiceProvider.GetRequiredService<NudgeWriter>();
        var result = await writer.WriteAsync(job, planner.PlanAsync(now, ct), now, ct);
        if (result.Messages > 0) signal.Notify();
        metrics.JobRun(job);
        LogRan(log, job, result.Queued, result.Duplicates, result.Messages);
        return new ReminderRunResult(job, now, null, result.Queued, result.Duplicates, result.Messages);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Queued} nudges queued, {Duplicates} already sent, {Messages} outbox rows")]
    private static partial void LogRan(ILogger logger, string job, int queued, int duplicates, int messages);
}
