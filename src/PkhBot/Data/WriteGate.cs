using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>
/// SQLite has one writer at a time. Writers of this process queue here, each woken the moment the previous one
/// commits, instead of inside SQLite's busy handler, which sleeps 1-100 ms between tries and turns a burst of
/// concurrent updates into idle waiting. Other processes (verbs, a second instance) still meet busy_timeout.
/// The turn comes with the writer's connection (<see cref="SqliteWriterConnection"/>), which keeps its statements
/// prepared from one turn to the next. SQL Server locks rows itself: no gate.
/// The time the gate was held is counted (<see cref="Busy"/>): a writer busy nearly all the time is the sign that
/// SQLite is the limit and SQL Server is due.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _gate = options.Value.IsSqlite ? new SemaphoreSlim(1, 1) : null;
    private readonly SqliteWriterConnection? _connection = options.Value.IsSqlite ? new SqliteWriterConnection() : null;
    private long _busyTicks;

    /// <summary>True on SQLite: writes of this process happen one at a time anyway, so batching them pays.</summary>
    public bool SerializesWrites => _gate is not null;

    /// <summary>How long writers of this process held the gate since start (zero on SQL Server).</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks));

    /// <summary>The writer's turn, for writes through a connection of one's own.</summary>
    public async ValueTask<Held> EnterAsync(CancellationToken ct)
    {
        if (_gate is null) return default;
        await _gate.WaitAsync(ct);
        return new Held(this, Stopwatch.GetTimestamp(), default);
    }

    /// <summary>
    /// The writer's turn, with <paramref name="db"/> writing through the writer's connection until the turn ends. Enter
    /// before the context's transaction (a context whose connection is open keeps it).
    /// </summary>
    public async ValueTask<Held> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (_gate is null) return default;
        await _gate.WaitAsync(ct);
        var since = Stopwatch.GetTimestamp();
        try
        {
            return new Held(this, since, _connection!.Lend(db));
        }
        catch
        {
            Leave(since);
            throw;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _gate?.Dispose();
    }

    private void Leave(long since)
    {
        Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - since);
        _gate!.Release();
    }

    /// <summary>Leaves the gate when disposed (once), after the context has its own connection back.</summary>
    public struct Held : IDisposable
    {
        private WriteGate? _owner;
        private readonly long _since;
        private readonly SqliteWriterConnection.Lease _connection;

        internal Held(WriteGate owner, long since, SqliteWriterConnection.Lease connection)
        {
            _owner = owner;
            _since = since;
            _connection = connection;
        }

        public void Dispose()
        {
            if (_owner is null) return;
            try { _connection.Dispose(); }
            finally
            {
                _owner.Leave(_since);
                _owner = null;
            }
        }
    }
}
