using Microsoft.Extensions.Options;
using PkhBot.Knowledge;

namespace PkhBot.Ai;

/// <summary>
/// Every LLM call goes through here: at most Ai:MaxConcurrentCalls in flight (the rest wait their turn), each cut
/// after Ai:TimeoutSeconds (the caller then answers offline). Calls are made before an update's transaction, never
/// inside it (see Conversation's IPreparer).
/// </summary>
public sealed class AiCalls(IOptions<AiOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentCalls, options.Value.MaxConcurrentCalls);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            return await call(cts.Token);
        }
        finally
        {
            _slots.Release();
        }
    }
}
