using Microsoft.EntityFrameworkCore;

namespace PkhBot.Data;

internal static class DbContextConfigurator
{
    public const string DefaultSqlite = "Data Source=pkhbot.db";

    public static void UseSqlite(DbContextOptionsBuilder o, string? connectionString, bool backgroundCheckpoints = false)
        => o.UseSqlite(connectionString ?? DefaultSqlite, x => x.CommandTimeout(30))
            .AddInterceptors(new SqlitePragmaInterceptor(backgroundCheckpoints), new SqliteStatementCache());

    public static void UseSqlServer(DbContextOptionsBuilder o, string connectionString)
        => o.UseSqlServer(connectionString, x => x.EnableRetryOnFailure(5).MaxBatchSize(500).CommandTimeout(60));
}
