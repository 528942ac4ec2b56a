using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PkhBot.Data;

/// <summary>Applies migrations and loads the kecamatan/desa reference data. Safe to run on every start.</summary>
public sealed partial class DatabaseInitializer(
    PkhDbContext db,
    IOptions<DatabaseOptions> options,
    Households.WilayahSeeder wilayah,
    ILogger<DatabaseInitializer> log)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync(ct);
                break;
            }
            catch (Exception ex) when (options.Value.IsSqlServer && attempt < 5 && ex is not OperationCanceledException && ex is not InvalidOperationException)
            {
                // An unreachable SQL Server at start: wait and try again instead of a crash loop.
                attempt++;
                var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt));
                LogDatabaseUnreachable(attempt, delay.TotalSeconds, ex.GetType().Name);
                await Task.Delay(delay, ct);
            }
        }
        await wilayah.SeedAsync(ct);
    }

    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (options.Value.MigrateOnStart ?? options.Value.IsSqlite)
            await MigrateAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable (attempt {Attempt}), retrying in {DelaySeconds}s: {Error}")]
    private partial void LogDatabaseUnreachable(int attempt, double delaySeconds, string error);
}
