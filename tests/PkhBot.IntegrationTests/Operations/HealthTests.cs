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

    [Fact]
    public async Task With_health_urls_set_health_and_metrics_listen_apart_from_the_webhook()
    {
        var healthPort = FreePort();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Operations:Urls"] = "http://127.0.0.1:0",
            ["Operations:HealthUrls"] = $"http://127.0.0.1:{healthPort}",
            ["Telegram:BotToken"] = "123456:TEST-TOKEN",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.contoh.id/telegram/webhook",
            ["Telegram:WebhookSecret"] = "rahasia-Webhook_123-panjangnya-32-lebih",
        }, mode: AppMode.Worker, configure: b => b.Services.AddSingleton(TimeProvider.System));
        await app.App.StartAsync();
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var webhook = new Uri(addresses.First(a => !a.EndsWith($":{healthPort}", StringComparison.Ordinal)));
            using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
            using var hook = new HttpClient { BaseAddress = webhook };

            Assert.Equal(System.Net.HttpStatusCode.OK, (await health.GetAsync("/health/live")).StatusCode);
            Assert.Contains("pkhbot_messages_sent", await health.GetStringAsync("/metrics"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await hook.GetAsync("/health/live")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await hook.GetAsync("/metrics")).StatusCode);
            // The webhook answers on its own port (401 without the secret), not on the health port.
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await hook.PostAsync("/telegram/webhook", new StringContent("{}"))).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await health.PostAsync("/telegram/webhook", new StringContent("{}"))).StatusCode);
        }
        finally
        {
            await app.App.StopAsync();
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
