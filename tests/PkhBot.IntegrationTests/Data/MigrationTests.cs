using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServer_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void SqlServer_idempotent_script_is_produced_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [Households]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Households_IdKpm]", script);
    }

    [Fact]
    public async Task Migrating_a_fresh_sqlite_file_loads_28_kecamatan_and_430_desa_in_WAL_mode()
    {
        await using var app = await TestApp.StartAsync();
        var (kec, desa, mode) = await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode;";
            var journal = (string)(await cmd.ExecuteScalarAsync())!;
            return (await db.Kecamatan.CountAsync(), await db.Desa.CountAsync(), journal);
        });
        Assert.Equal(28, kec);
        Assert.Equal(430, desa);
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Applied_migrations_read_at_start_are_those_EF_reads_and_a_new_file_has_none()
    {
        await using var app = await TestApp.StartAsync();
        await app.WithDbAsync(async db =>
        {
            var efs = await db.Database.GetAppliedMigrationsAsync();
            Assert.NotEmpty(efs);
            Assert.Equal(efs.Order(), (await DatabaseInitializer.AppliedMigrationsAsync(db, default)).Order());
        });

        var path = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"{Guid.NewGuid():N}.db");
        await using var fresh = DataSetup.Create(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={path}" });
        Assert.Empty(await DatabaseInitializer.AppliedMigrationsAsync(fresh, default));
        Assert.NotEmpty(fresh.Database.GetPendingMigrations());
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await app.PrepareAsyncAgain();
        Assert.Equal(430, await app.WithDbAsync(db => db.Desa.CountAsync()));
    }
}

internal static class TestAppExtensions
{
    public static Task PrepareAsyncAgain(this TestApp app) => app.App.PrepareAsync(CancellationToken.None);
}
