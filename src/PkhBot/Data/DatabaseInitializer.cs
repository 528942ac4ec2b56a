using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>Applies migrations and loads the kecamatan/desa reference data. Safe to run on every start.</summary>
public sealed partial class DatabaseInitializer(
    PkhDbContext db,
    IOptions<DatabaseOptions> options,
    Households.WilayahSeeder wilayah,
    ILogger<DatabaseInitializer> log)
{
    /// <summary>`migrate`: waits for the database (see <see cref="WaitForDatabaseAsync"/>), then migrates.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await WaitForDatabaseAsync(ct);
        await ApplyMigrationsAsync(ct);
    }

    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        await WaitForDatabaseAsync(ct);
        if (options.Value.MigrateOnStart ?? options.Value.IsSqlite)
            await ApplyMigrationsAsync(ct);
    }

    private async Task ApplyMigrationsAsync(CancellationToken ct)
    {
        // MigrateAsync also diffs the model against the snapshot and takes the migration lock: a second or more
        // on every restart. Comparing the applied ids is a single query, so an up-to-date database starts fast.
        var applied = await AppliedMigrationsAsync(db, ct);
        if (!db.Database.GetMigrations().All(applied.Contains))
            await db.Database.MigrateAsync(ct);
        await wilayah.SeedAsync(ct);
    }

    /// <summary>
    /// The ids in EF's history table, read with one plain query. EF's own GetAppliedMigrationsAsync first builds a model
    /// of that table through its whole convention set: hundreds of types and their compiled code that then stay for
    /// the life of the bot (`bench --only start-up`). No table yet (a new database) or any failure reads as "none applied", so EF migrates.
    /// </summary>
    internal static async Task<HashSet<string>> AppliedMigrationsAsync(DbContext db, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT MigrationId FROM {HistoryRepository.DefaultTableName}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        catch (System.Data.Common.DbException)
        {
            applied.Clear();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return applied;
    }

    /// <summary>
    /// An unreachable database at start (SQL Server down, wrong host, firewall): a few attempts with a doubling wait,
    /// then a <see cref="DatabaseUnavailableException"/> with one clear line instead of a stack trace or a crash loop.
    /// Nothing is lost meanwhile: Telegram keeps unconfirmed updates until the bot polls again.
    /// </summary>
    public async Task WaitForDatabaseAsync(CancellationToken ct)
    {
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.CloseConnectionAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= o.StartAttempts)
                {
                    LogDatabaseGaveUp(attempt, ex.GetType().Name);
                    throw new DatabaseUnavailableException(DatabaseUnavailableException.Explain(o, attempt));
                }
                var delay = TimeSpan.FromMilliseconds(Math.Min(60_000, o.StartRetryDelayMs * Math.Pow(2, attempt - 1)));
                LogDatabaseUnreachable(attempt, delay.TotalSeconds, ex.GetType().Name);
                await Task.Delay(delay, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database still not reachable after {Attempts} attempts, giving up: {Error}")]
    private partial void LogDatabaseGaveUp(int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable (attempt {Attempt}), retrying in {DelaySeconds}s: {Error}")]
    private partial void LogDatabaseUnreachable(int attempt, double delaySeconds, string error);
}

/// <summary>The database could not be reached at start; the message is the one line the operator reads.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message)
{
    public static string Explain(DatabaseOptions o, int attempts)
        => $"Database ({o.Provider}) tidak bisa dihubungi setelah {attempts} percobaan. Periksa ConnectionStrings:PkhBot " +
           "(server, port, nama database, user/password) dan pastikan database berjalan dan bisa dijangkau dari mesin ini, lalu jalankan lagi.";
}
