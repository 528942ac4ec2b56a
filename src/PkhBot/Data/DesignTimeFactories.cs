using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PkhBot.Data;

/// <summary>Used by dotnet-ef and by tests that translate queries for SQL Server without a server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteDbContext>();
        DbContextConfigurator.UseSqlite(o, "Data Source=design.db");
        return new SqliteDbContext(o.Options);
    }
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDbContext>
{
    public const string PlaceholderConnection = "Server=(placeholder);Database=PkhBot;TrustServerCertificate=True";

    public SqlServerDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqlServerDbContext>();
        DbContextConfigurator.UseSqlServer(o, PlaceholderConnection);
        return new SqlServerDbContext(o.Options);
    }
}
