using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PkhBot.Data;

/// <summary>
/// Keeps every SQL text EF runs on an open SQLite connection prepared until the connection closes. EF creates a new
/// command for each execution and Microsoft.Data.Sqlite parses and plans each new command again (it has no statement
/// cache): re-preparing was ~15 % of the CPU of a report, and a batch of updates in one transaction runs the same
/// dozen statements over and over. The command EF built is not executed; a kept command with the same text runs with
/// its parameters, in its transaction. A text whose kept command still has a reader open (a nested query), and texts
/// beyond <see cref="MaxPerConnection"/>, run the normal way.
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    public const int MaxPerConnection = 64;
    private readonly ConditionalWeakTable<SqliteConnection, Statements> _byConnection = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => !result.HasResult && Rent(command) is { } kept
            ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.ExecuteReader())
            : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => !result.HasResult && Rent(command) is { } kept ? InterceptionResult<int>.SuppressWithResult(kept.ExecuteNonQuery()) : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => !result.HasResult && Rent(command) is { } kept ? InterceptionResult<object>.SuppressWithResult(kept.ExecuteScalar()!) : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>The kept command for this text, carrying the given command's parameters and transaction; null: run it normally.</summary>
    private Kept? Rent(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } sqlite) return null;
        var kept = _byConnection.GetValue(connection, c => new Statements(c)).Get(sqlite.CommandText);
        if (kept is null) return null;
        var target = kept.Command;
        target.Transaction = sqlite.Transaction;
        target.CommandTimeout = sqlite.CommandTimeout;
        target.Parameters.Clear();
        foreach (SqliteParameter p in sqlite.Parameters) target.Parameters.Add(p);
        return kept;
    }

    private sealed class Kept(SqliteCommand command)
    {
        private SqliteDataReader? _reader;

        public SqliteCommand Command => command;

        public bool Busy => _reader is { IsClosed: false };

        public SqliteDataReader ExecuteReader() => _reader = command.ExecuteReader();

        public int ExecuteNonQuery() => command.ExecuteNonQuery();

        public object? ExecuteScalar() => command.ExecuteScalar();
    }

    /// <summary>
    /// One connection's kept commands. SqliteConnection disposes its commands when it closes (the native connection
    /// goes back to the pool), so they are dropped then; a connection is used by one thread at a time.
    /// </summary>
    private sealed class Statements
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, Kept> _byText = new(StringComparer.Ordinal);

        public Statements(SqliteConnection connection)
        {
            _connection = connection;
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState != ConnectionState.Open) _byText.Clear();
            };
        }

        public Kept? Get(string text)
        {
            if (_byText.TryGetValue(text, out var kept)) return kept.Busy ? null : kept;
            if (_byText.Count >= MaxPerConnection || text.Length == 0) return null;
            kept = new Kept(_connection.CreateCommand());
            kept.Command.CommandText = text;
            _byText[text] = kept;
            return kept;
        }
    }
}
