using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;

namespace PkhBot.Data;

public static class DataSetup
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o => o.ConnectionString ??= builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider decides which subclass (and so which migration set) backs PkhDbContext. Pooled: every update
        // takes a context, and building one with its options afresh costs time and memory on every update.
        var db = ReadOptions(builder.Configuration);
        if (db.IsSqlServer)
            builder.Services.AddDbContextPool<PkhDbContext, SqlServerDbContext>(o => DbContextConfigurator.UseSqlServer(o, db.ConnectionString ?? ""));
        else
        {
            // The running bot checkpoints in the background; verbs and the console chat keep SQLite's own checkpoints.
            var background = builder.GetMode() == AppMode.Worker;
            builder.Services.AddDbContextPool<PkhDbContext, SqliteDbContext>(o => DbContextConfigurator.UseSqlite(o, db.ConnectionString, background));
            if (background) builder.Services.AddHostedService<SqliteCheckpointer>();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddTransient<DatabaseInitializer>();
        builder.Services.AddTransient<Households.WilayahSeeder>();
        return builder;
    }

    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var db = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        db.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        return db;
    }

    /// <summary>Creates a context for the given provider outside DI (benchmarks, tests).</summary>
    public static PkhDbContext Create(DatabaseOptions db)
    {
        if (db.IsSqlServer)
        {
            var o = new DbContextOptionsBuilder<SqlServerDbContext>();
            DbContextConfigurator.UseSqlServer(o, db.ConnectionString!);
            return new SqlServerDbContext(o.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteDbContext>();
        DbContextConfigurator.UseSqlite(s, db.ConnectionString);
        return new SqliteDbContext(s.Options);
    }
}
