using PkhBot.Bench;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Logs_never_contain_the_bot_token_or_what_users_wrote_even_at_debug_level_and_on_errors()
    {
        await using var api = await FakeBotApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:RetryInitialDelayMs"] = "50",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        }, AppMode.Worker, configure: b =>
        {
            b.Services.AddSingleton(TimeProvider.System);
            b.Logging.AddProvider(logs);
        });
        try
        {
            await app.App.StartAsync();
            api.FailNext("getUpdates", 500);
            api.FailNext("sendMessage", 429, retryAfter: 1);
            api.FailNext("sendMessage", 502);
            api.EnqueueMessage(830_001, "/lapor 3522011234567890 Siti <Aminah> 081234567890");

            await api.WaitForSentAsync(s => s.ChatId == 830_001, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await app.App.StopAsync();
            await app.DisposeAsync();
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("429"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(FakeBotApi.Token));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("3522011234567890") || l.Contains("081234567890") || l.Contains("Aminah"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();
        public IReadOnlyList<string> Lines => Queue.ToList();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Queue);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
