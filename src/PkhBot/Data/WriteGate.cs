using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>
/// SQLite has one writer at a time. Writers of this process queue here, each woken the moment the previous one
/// commits, instead of inside SQLite's busy handler, which sleeps 1-100 ms between tries and turns a burst of
/// concurrent updates into idle waiting. Other processes (verbs, a second instance) still meet busy_timeout.
/// SQL Server locks rows itself: no gate.
/// The time the gate was held is counted (<see cref="Busy"/>): a writer busy nearly all the time is the sign that
/// SQLite is the limit and SQL Server is due.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _gate = options.Value.IsSqlite ? new SemaphoreSlim(1, 1) : null;
    private long _busyTicks;

    /// <summary>True on SQLite: writes of this process happen one at a time anyway, so batching them pays.</summary>
    public bool SerializesWrites => _gate is not null;

    /// <summary>How long writers of this process held the gate since start (zero on SQL Server).</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks));

    public async ValueTask<Held> EnterAsync(CancellationToken ct)
    {
        if (_gate is null) return default;
        await _gate.WaitAsync(ct);
        return new Held(this, Stopwatch.GetTimestamp());
    }

    public void Dispose() => _gate?.Dispose();

    private void Leave(long since)
    {
        Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - since);
        _gate!.Release();
    }

    /// <summary>Leaves the gate when disposed (once).</summary>
    public struct Held(WriteGate? owner, long since) : IDisposable
    {
        private WriteGate? _owner = owner;

        public void Dispose()
        {
            _owner?.Leave(since);
            _owner = null;
        }
    }
}
