namespace PkhBot.Channels.Outbox;

/// <summary>For one-shot verbs: delivers everything due now within the same limits as the worker, then returns.</summary>
public sealed class TelegramOutboxDrain(OutboxDispatcher dispatcher) : IOutboxDrain
{
    public Task<DrainReport> DrainAsync(CancellationToken ct) => dispatcher.RunAsync(untilIdle: true, ct);
}
