using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PkhBot.Data;

/// <summary>
/// WAL lets the sender read while the pipeline writes; busy_timeout turns "database is locked" into a short wait.
/// With <paramref name="backgroundCheckpoints"/>, no commit copies the WAL back into the database (with its fsync)
/// any more: <see cref="SqliteCheckpointer"/> does that off the hot path.
/// These settings belong to the native connection, which the pool hands out again and again: they are applied once
/// per native connection, not on every open (five statements prepared and run per open were ~3 % of a report).
/// </summary>
internal sealed class SqlitePragmaInterceptor(bool backgroundCheckpoints = false) : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private readonly string _pragmas = backgroundCheckpoints ? Pragmas + " PRAGMA wal_autocheckpoint=0;" : Pragmas;
    private readonly ConditionalWeakTable<object, object> _configured = new();
    // Database files already made owner-only, by connection string: checked once per file per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Secured = new(StringComparer.Ordinal);

    /// <summary>Before SQLite first opens a file, create it (or narrow it) to 0600 (see <see cref="Privacy.OwnerOnlyFile"/>).</summary>
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SecureFile(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        SecureFile(connection);
        return ValueTask.FromResult(result);
    }

    private static void SecureFile(DbConnection connection)
    {
        if (Secured.ContainsKey(connection.ConnectionString)) return;
        var cs = new SqliteConnectionStringBuilder(connection.ConnectionString);
        if (cs.Mode != SqliteOpenMode.Memory) Privacy.OwnerOnlyFile.SecureSqlite(cs.DataSource);
        Secured.TryAdd(connection.ConnectionString, true);
    }

    /// <summary>For a connection opened outside EF (<see cref="SqliteWriterConnection"/>): before it opens.</summary>
    public void Secure(DbConnection connection) => SecureFile(connection);

    /// <summary>For a connection opened outside EF (<see cref="SqliteWriterConnection"/>): once it is open.</summary>
    public void Configure(DbConnection connection)
    {
        if (IsConfigured(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    // Keyed by the native handle (weakly): a pooled connection keeps its handle, a new or re-created one gets a new one.
    private bool IsConfigured(DbConnection connection)
        => connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _configured.AddOrUpdate(handle, handle);
    }
}
