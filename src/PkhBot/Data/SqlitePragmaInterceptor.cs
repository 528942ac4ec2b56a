using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PkhBot.Data;

/// <summary>
/// WAL lets the sender read while the pipeline writes; busy_timeout turns "database is locked" into a short wait.
/// With <paramref name="backgroundCheckpoints"/>, no commit copies the WAL back into the database (with its fsync)
/// any more: <see cref="SqliteCheckpointer"/> does that off the hot path.
/// </summary>
internal sealed class SqlitePragmaInterceptor(bool backgroundCheckpoints = false) : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private readonly string _pragmas = backgroundCheckpoints ? Pragmas + " PRAGMA wal_autocheckpoint=0;" : Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
