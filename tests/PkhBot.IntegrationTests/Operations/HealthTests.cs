using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_and_metrics_endpoints_answer_on_the_configured_local_port()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Operations:Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = "123456:TEST-TOKEN",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        }, mode: AppMode.Worker, configure: b => b.Services.AddSingleton(TimeProvider.System));
        // Only the web endpoints matter here: start Kestrel and the health checks, not the workers.
        await app.App.StartAsync();
        try
        {
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
            var ready = await http.GetAsync("/health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            var metrics = await http.GetStringAsync("/metrics");
            Assert.DoesNotContain("TEST-TOKEN", metrics);
            Assert.Contains("pkhbot_messages_sent", metrics);
            Assert.Contains("pkhbot_telegram_429", metrics);
            Assert.Contains("pkhbot_db_write_busy_seconds_total", metrics);
        }
        finally
        {
            await app.App.StopAsync();
        }
    }
}
