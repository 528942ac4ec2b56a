using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Data;

/// <summary>Files with personal data are readable by their owner only (0600), whatever the umask; Unix only.</summary>
public sealed class FileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_its_wal_and_shm_and_the_quartz_file_are_created_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var app = await TestApp.StartAsync(mode: AppMode.Worker);
        // Write something, so SQLite has a -wal and a -shm open.
        await app.WithDbAsync(async db =>
        {
            db.Audit.Add(new PkhBot.Data.AuditEntry { At = app.Clock.GetUtcNow(), Actor = "test", Action = "test", Entity = "x", EntityId = "1" });
            await db.SaveChangesAsync();
        });

        foreach (var suffix in new[] { "", "-wal", "-shm", ".quartz" })
        {
            var path = app.DatabasePath + suffix;
            Assert.True(File.Exists(path), $"{suffix} missing");
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task A_database_left_world_readable_by_an_older_version_is_narrowed_on_first_open()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var app = await TestApp.StartAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, $"{Guid.NewGuid():N}-old.db");
        File.Copy(app.DatabasePath, copy);
        File.SetUnixFileMode(copy, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var r = await CliRunner.RunWithAsync(app, [$"--ConnectionStrings:PkhBot=Data Source={copy}"], "users", "list");

            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(copy));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var s in new[] { "", "-wal", "-shm" }) File.Delete(copy + s);
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_writes_an_owner_only_file_even_over_a_world_readable_one(string format)
    {
        if (OperatingSystem.IsWindows()) return;
        await using var app = await TestApp.StartAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(app, "seed-demo", "--households", "20")).ExitCode);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.{format}");
        await File.WriteAllTextAsync(path, "lama");
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var r = await CliRunner.RunAsync(app, "export", "--format", format, "--out", path);

            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
            Assert.True(new FileInfo(path).Length > 100);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
