using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Operations;

/// <summary>
/// An operator greps one id to see everything that happened for one Telegram update: every line logged while
/// the pipeline handles an update carries that update's CorrelationId ("telegram-&lt;update id&gt;") and no other,
/// and the scope holds no personal data.
/// </summary>
public sealed class CorrelationIdTests
{
    private const string Nik = "3522017001234567";
    private const string Phone = "081298765432";

    /// <summary>A handler that always throws, so the pipeline writes its failure lines inside the update's scope.</summary>
    private sealed class FailingCommand : ICommandHandler
    {
        public CommandSpec Spec { get; } = new("gagaluji", "Perintah uji yang selalu gagal", CommandSpec.Everyone, ShowInMenu: false);
        public Task HandleAsync(ConversationContext ctx, CancellationToken ct) => throw new InvalidOperationException("gagal untuk uji");
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Scope, string ScopeText);

    /// <summary>Records each line together with the scopes active when it was written (through the factory's scope provider).</summary>
    private sealed class ScopeRecordingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);
        public void Dispose() { }

        private sealed class Recorder(ScopeRecordingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var pairs = new List<KeyValuePair<string, object?>>();
                var text = new List<string>();
                owner._scopes.ForEachScope((scope, _) =>
                {
                    text.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> kvs)
                        foreach (var kv in kvs)
                        {
                            pairs.Add(kv);
                            text.Add($"{kv.Key}={kv.Value}");
                        }
                }, 0);
                owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), pairs, string.Join(" | ", text)));
            }
        }
    }

    [Fact]
    public async Task Every_line_logged_for_a_telegram_update_carries_that_updates_correlation_id_and_no_personal_data()
    {
        var recorder = new ScopeRecordingProvider();
        await using var app = await TestApp.StartAsync(configure: b =>
        {
            b.Logging.AddProvider(recorder);
            // Per-update database commands (parameter values are never logged): plenty of lines inside each update.
            b.Logging.AddFilter<ScopeRecordingProvider>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            b.Services.AddCommand<FailingCommand>();
        });
        var user = await new ChatDriver(app, 7_001).AsAsync(Role.Kpm);

        Incoming Update(long id, string text) => new()
        {
            Channel = "telegram", UpdateId = id, UserId = user.UserId, ChatId = user.UserId, DisplayName = "Tester",
            Text = text, SentAt = app.Clock.GetUtcNow(),
        };

        var before = recorder.Entries.Count;
        var failed = await user.ProcessAsync(Update(910_001, $"/gagaluji NIK {Nik} hp {Phone}"));
        var between = recorder.Entries.Count;
        var answered = await user.ProcessAsync(Update(910_002, $"halo, NIK saya {Nik} hp {Phone}"));
        var after = recorder.Entries.Count;

        var all = recorder.Entries.ToList();
        var first = all[before..between];
        var second = all[between..after];
        Assert.NotEmpty(failed.Messages);    // the user was still answered after the failures
        Assert.NotEmpty(answered.Messages);
        // The failing handler was logged (three attempts) inside the first update, beside its database commands.
        Assert.Equal(3, first.Count(e => e.Category == typeof(ConversationPipeline).FullName && e.Level == LogLevel.Error));
        Assert.Contains(first, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(second, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        AssertOnlyCorrelationId(first, "telegram-910001");
        AssertOnlyCorrelationId(second, "telegram-910002");
        Assert.All(all, e =>
        {
            Assert.DoesNotContain(Nik, e.ScopeText);
            Assert.DoesNotContain(Phone, e.ScopeText);
            Assert.DoesNotContain("halo", e.ScopeText);
            Assert.DoesNotContain(Nik, e.Message);
            Assert.DoesNotContain(Phone, e.Message);
        });
    }

    private static void AssertOnlyCorrelationId(IReadOnlyList<Entry> lines, string expected)
    {
        Assert.NotEmpty(lines);
        Assert.All(lines, e =>
        {
            var ids = e.Scope.Where(kv => kv.Key == "CorrelationId").Select(kv => kv.Value?.ToString()).ToList();
            Assert.True(ids.Count == 1 && ids[0] == expected, $"{e.Category}: {e.Message} has CorrelationId [{string.Join(", ", ids)}], expected {expected}");
        });
    }
}
