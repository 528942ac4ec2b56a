using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>
/// SQLite has one writer at a time. Writers of this process queue here, each woken the moment the previous one
/// commits, instead of inside SQLite's busy handler, which sleeps 1-100 ms between tries and turns a burst of
/// concurrent updates into idle waiting. Other processes (verbs, a second instance) still meet busy_timeout.
/// SQL Server locks rows itself: no gate.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _gate = options.Value.IsSqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>True on SQLite: writes of this process happen one at a time anyway, so batching them pays.</summary>
    public bool SerializesWrites => _gate is not null;

    public async ValueTask<Held> EnterAsync(CancellationToken ct)
    {
        if (_gate is null) return default;
        await _gate.WaitAsync(ct);
        return new Held(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    /// <summary>Leaves the gate when disposed (once).</summary>
    public struct Held(SemaphoreSlim? gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose()
        {
            _gate?.Release();
            _gate = null;
        }
    }
}
