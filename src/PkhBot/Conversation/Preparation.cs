using PkhBot.Data;

namespace PkhBot.Conversation;

/// <summary>What an update's throttle check decided before any work was done for it.</summary>
public enum ThrottleVerdict
{
    Pass,
    /// <summary>Just over the limit: not processed, the sender is told once.</summary>
    Notice,
    /// <summary>Over the limit and already told: not processed, not answered.</summary>
    Drop,
}

/// <summary>
/// What was done for one update before its transaction: the throttle's verdict, the private-chat link for a group
/// and the results of the <see cref="IPreparer"/>s (an LLM's answer, a report read), keyed by type.
/// </summary>
public sealed class Prepared
{
    private readonly Dictionary<Type, object> _results = [];

    public static Prepared Nothing => new();

    public ThrottleVerdict Throttle { get; init; }

    /// <summary>A link that opens a private chat with the bot (for the notice in a group), or null when unknown.</summary>
    public string? PrivateChatLink { get; set; }

    public void Set<T>(T result) where T : class => _results[typeof(T)] = result;

    public T? Get<T>() where T : class => _results.TryGetValue(typeof(T), out var r) ? (T)r : null;
}

/// <summary>
/// A preparer's read-only view of one update: the caller and their open flow as stored before the update,
/// a DbContext of its own for reads (never saved), and where to put results.
/// </summary>
public sealed record PreparationContext(Incoming Message, Caller Caller, FlowState? Flow, PkhDbContext Db, IServiceProvider Services, Prepared Results)
{
    public DateTimeOffset Now { get; init; }
}

public enum UpdateFate
{
    Done,
    /// <summary>Throttled: recorded, not processed.</summary>
    Dropped,
    /// <summary>Failed after every attempt (the user got the error reply).</summary>
    Failed,
}

public readonly record struct FinishedUpdate(long UpdateId, UpdateFate Fate, string? Error = null);

/// <summary>
/// A channel's record of the updates it received (Telegram's inbox), completed inside the pipeline's transaction so that
/// an update's effects, replies and its "finished" mark are one commit: exactly once. The channel owns the rows.
/// </summary>
public interface IUpdateLedger
{
    /// <summary>Of these update ids, those already finished (processed elsewhere, or earlier): skipped as duplicates.</summary>
    Task<IReadOnlySet<long>> FinishedAsync(PkhDbContext db, IReadOnlyCollection<long> updateIds, CancellationToken ct);

    /// <summary>Marks the updates finished, in the caller's transaction.</summary>
    Task FinishAsync(PkhDbContext db, IReadOnlyCollection<FinishedUpdate> updates, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Opens a private chat with the bot from a group (Telegram: https://t.me/NAME?start=...). May ask the network once.</summary>
public interface IPrivateChatLink
{
    /// <summary>The link's start parameter: /start takes it as "no invite code" (it is not one, and must not count as a wrong one).</summary>
    public const string StartParameter = "grup";

    Task<string?> LinkAsync(CancellationToken ct);
}

internal sealed class NoPrivateChatLink : IPrivateChatLink
{
    public Task<string?> LinkAsync(CancellationToken ct) => Task.FromResult<string?>(null);
}
