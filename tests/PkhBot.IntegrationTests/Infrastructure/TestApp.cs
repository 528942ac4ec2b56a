using PkhBot.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host on a real SQLite file of its own, with a fake clock. Every test class gets a fresh one
/// (IClassFixture or new per test). Settings can be overridden as configuration keys.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public string DatabasePath { get; }
    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => App.Services;

    private TestApp(string path, WebApplication app, FakeTimeProvider clock)
    {
        DatabasePath = path;
        App = app;
        Clock = clock;
    }

    /// <summary>2025-11-17 08:00 WIB (a Monday), unless given.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));

    public static async Task<TestApp> StartAsync(
        IDictionary<string, string?>? settings = null,
        AppMode mode = AppMode.Tool,
        DateTimeOffset? now = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pkhbot-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:PkhBot"] = $"Data Source={path}",
            ["Logging:LogLevel:Default"] = "Warning",
            // Worker-mode tests run in parallel: every host listens on a free port.
            ["Operations:Urls"] = "http://127.0.0.1:0",
            // A started (Worker) host listens on a free port, so test classes can run in parallel.
            ["Urls"] = "http://127.0.0.1:0",
        };
        // Tests drive one user fast on a clock that does not move: the per-minute limit is tested on its own (ThrottleTests).
        config["Conversation:MaxMessagesPerMinute"] = "10000";
        config["Conversation:MaxMessagesPerMinuteStaff"] = "10000";
        // Each host gets its own Quartz file and scheduler name: parallel worker tests must not share a job store.
        config["Reminders:Store:ConnectionString"] = $"Data Source={path}.quartz";
        config["Reminders:Store:SchedulerName"] = $"test-{Guid.NewGuid():N}";
        if (mode == AppMode.Worker)
        {
            // `run` requires a token; tests that talk to Telegram pass a FakeBotApi url, others get a closed port.
            config["Telegram:BotToken"] = "123456:TEST-TOKEN";
            config["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9";
        }
        if (settings is not null) foreach (var kv in settings) config[kv.Key] = kv.Value;

        var app = AppHost.Build(mode, [], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            // Registered before the features so their TryAdd of the system clock yields to it.
            b.Services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(b);
        });
        await app.PrepareAsync(CancellationToken.None);
        return new TestApp(path, app, clock);
    }

    public async Task<T> WithDbAsync<T>(Func<PkhDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PkhDbContext>());
    }

    public async Task WithDbAsync(Func<PkhDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PkhDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".quartz", ".quartz-wal", ".quartz-shm" })
        {
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
        }
    }
}
