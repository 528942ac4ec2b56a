using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>
/// The running bot's SQLite checkpoints: every second, a PASSIVE checkpoint on a connection of its own copies
/// committed WAL pages into the database file. Left to SQLite, the commit that crosses 1,000 WAL pages does this
/// itself, fsync included, and that update's reply waits for it. PASSIVE never blocks a writer or a reader.
/// </summary>
public sealed partial class SqliteCheckpointer(
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<SqliteCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckpointAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (++failures is 1 or 60) LogCheckpointFailed(ex.GetType().Name, failures);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    public async Task CheckpointAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(options.Value.ConnectionString ?? DbContextConfigurator.DefaultSqlite);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=1000; PRAGMA wal_checkpoint(PASSIVE);";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed ({ErrorType}), {Failures} time(s) in a row; the WAL file grows until it works again")]
    private partial void LogCheckpointFailed(string errorType, int failures);
}
