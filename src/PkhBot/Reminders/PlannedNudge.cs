using PkhBot.Conversation;

namespace PkhBot.Reminders;

/// <summary>Where a nudge goes: one chat of a staff member (a person may have several).</summary>
public sealed record Recipient(string Channel, long ChatId);

/// <summary>
/// One nudge about <see cref="Subject"/> for <see cref="Period"/> (the dedupe key with the job name),
/// sent to every reachable chat of that person.
/// </summary>
public sealed record PlannedNudge(string Subject, string Period, IReadOnlyList<Recipient> Recipients, Reply Reply);

/// <summary>A job's selection logic: what to say to whom, as of <paramref name="now"/>. Streams for scale.</summary>
public interface IReminderPlanner
{
    string Job { get; }
    IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, CancellationToken ct);
}
