using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PkhBot.Data;

/// <summary>
/// One SQLite connection that stays open from one writer's turn to the next (see <see cref="WriteGate.EnterAsync(DbContext, CancellationToken)"/>).
/// A pooled context closes its connection after every unit of work, and Microsoft.Data.Sqlite finalizes a connection's
/// prepared statements when it closes: every update parsed and planned its dozen statements again, which
/// <see cref="SqliteStatementCache"/> could only save within one transaction. Kept open, they stay prepared from one
/// writer's turn to the next. Used only by the holder of the gate, so never by two writers at once.
/// </summary>
internal sealed class SqliteWriterConnection : IDisposable
{
    private SqliteConnection? _connection;

    /// <summary>
    /// Gives <paramref name="db"/> the kept connection until the lease is disposed, when its own connection is closed
    /// (a context in the middle of something keeps its own).
    /// </summary>
    public Lease Lend(DbContext db)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection { State: ConnectionState.Closed } own) return default;
        var connectionString = own.ConnectionString;
        if (_connection is not { State: ConnectionState.Open } || _connection.ConnectionString != connectionString)
        {
            Drop();
            _connection = Open(db, connectionString);
        }
        db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
        return new Lease(this, db, connectionString);
    }

    /// <summary>Opened as EF opens every pooled connection: the file made owner-only, the same pragmas.</summary>
    private static SqliteConnection Open(DbContext db, string connectionString)
    {
        var pragmas = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?
            .Interceptors?.OfType<SqlitePragmaInterceptor>().FirstOrDefault();
        var connection = new SqliteConnection(connectionString);
        pragmas?.Secure(connection);
        connection.Open();
        pragmas?.Configure(connection);
        return connection;
    }

    /// <summary>
    /// A turn that left a transaction open (a failure between BEGIN and COMMIT that nothing rolled back) must not pass
    /// it on to the next writer: it is rolled back and the connection dropped (its native connection would go back to
    /// Microsoft.Data.Sqlite's pool with the transaction still open). The next turn opens a new one.
    /// </summary>
    private void Return()
    {
        if (_connection is not { State: ConnectionState.Open, Handle: { } handle }) return;
        if (SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0) return;
        SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK");
        Drop();
    }

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Drop();

    public readonly struct Lease(SqliteWriterConnection? owner, DbContext? db, string? connectionString) : IDisposable
    {
        public void Dispose()
        {
            if (db is null) return;
            // The context goes back to its pool with a connection of its own again (created when next used).
            db.Database.SetDbConnection(null, contextOwnsConnection: false);
            db.Database.SetConnectionString(connectionString);
            owner!.Return();
        }
    }
}
