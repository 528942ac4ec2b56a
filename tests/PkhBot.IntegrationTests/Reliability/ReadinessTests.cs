using PkhBot.Bench;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Telegram;

namespace PkhBot.IntegrationTests.Reliability;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_covers_the_database_the_scheduler_and_the_telegram_connection_and_fails_when_telegram_is_unreachable()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api, new Dictionary<string, string?>
        {
            ["Telegram:SetCommandMenus"] = "false",
            ["Operations:TelegramStaleSeconds"] = "5",
        });
        var health = worker.App.Services.GetRequiredService<HealthCheckService>();
        Task<HealthReport> ReadyAsync() => health.CheckHealthAsync(c => c.Tags.Contains("ready"));

        await api.WaitUntilAsync(() => ReadyAsync().Result.Status == HealthStatus.Healthy, TimeSpan.FromSeconds(30), "ready");
        var report = await ReadyAsync();
        Assert.Equal(["database", "outbox", "scheduler", "telegram"], report.Entries.Keys.Order());

        api.FailNext("getUpdates", 502, count: 100_000);
        await api.WaitUntilAsync(() => ReadyAsync().Result.Entries["telegram"].Status == HealthStatus.Unhealthy, TimeSpan.FromSeconds(60), "telegram unhealthy");
        Assert.Equal(HealthStatus.Unhealthy, (await ReadyAsync()).Status);
    }
}
