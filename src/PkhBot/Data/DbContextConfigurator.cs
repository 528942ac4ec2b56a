using Microsoft.EntityFrameworkCore;

namespace PkhBot.Data;

internal static class DbContextConfigurator
{
    public const string DefaultSqlite = "Data Source=pkhbot.db";

    /// <summary>
    /// SQLite runs from the compiled model in CompiledModels/Sqlite (found through its assembly attribute): building
    /// the model from the code was the largest part of the start. CompiledModelTests fails, with the command to regenerate it,
    /// when an entity or its configuration changes. SQL Server builds its model at start (a server starts rarely).
    /// </summary>
    public static void UseSqlite(DbContextOptionsBuilder o, string? connectionString, bool backgroundCheckpoints = false)
        => o.UseSqlite(connectionString ?? DefaultSqlite, x => x.CommandTimeout(30))
            .AddInterceptors(new SqlitePragmaInterceptor(backgroundCheckpoints), new SqliteStatementCache());

    public static void UseSqlServer(DbContextOptionsBuilder o, string connectionString)
        => o.UseSqlServer(connectionString, x => x.EnableRetryOnFailure(5).MaxBatchSize(500).CommandTimeout(60));
}
