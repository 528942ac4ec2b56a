using PkhBot.Bench;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// The real host in Worker mode (`run`), pointed at a <see cref="FakeBotApi"/>, on the real clock (the sender and the
/// poller wait on real time). Pass <paramref name="databaseFile"/> to share another worker's SQLite file, and a
/// <see cref="ShiftedClock"/> as <c>clock</c> for a test that needs "a day later".
/// </summary>
public sealed class TelegramWorker : IAsyncDisposable
{
    private bool _stopped;

    private TelegramWorker(TestApp app, FakeBotApi api, string databaseFile)
    {
        App = app;
        Api = api;
        DatabaseFile = databaseFile;
    }

    public TestApp App { get; }
    public FakeBotApi Api { get; }
    public string DatabaseFile { get; }

    public static async Task<TelegramWorker> StartAsync(FakeBotApi api, IDictionary<string, string?>? settings = null, string? databaseFile = null, TimeProvider? clock = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:SendTimeoutSeconds"] = "3",
            ["Telegram:RetryInitialDelayMs"] = "100",
            // Real clock: with the default quiet hours (21:00-06:00 WIB) an announcement queued during a CI run in the
            // evening would wait for the morning. Equal start and end: no quiet hours (tested on WorkCalendar itself).
            ["Reminders:QuietHoursStart"] = "00:00",
            ["Reminders:QuietHoursEnd"] = "00:00",
        };
        if (databaseFile is not null) config["ConnectionStrings:PkhBot"] = $"Data Source={databaseFile}";
        if (settings is not null) foreach (var kv in settings) config[kv.Key] = kv.Value;
        var app = await TestApp.StartAsync(config, AppMode.Worker, configure: b => b.Services.AddSingleton(clock ?? TimeProvider.System));
        await app.App.StartAsync();
        return new TelegramWorker(app, api, databaseFile ?? app.DatabasePath);
    }

    /// <summary>A graceful stop, as on SIGTERM: calls in flight finish, held messages are handed back.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await App.App.StopAsync();
    }

    /// <summary>Queues a message in the outbox as a feature would (nudge, announcement) and wakes the sender.</summary>
    public async Task QueueAsync(long chatId, string html, OutboxKind kind = OutboxKind.Nudge, int count = 1)
    {
        await App.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < count; i++)
                db.Outbox.Add(OutboxMessageFactory.Create("telegram", chatId + i, new Reply(html), kind, now));
            await db.SaveChangesAsync();
        });
        App.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    public Task<List<OutboxMessage>> OutboxAsync() => App.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<List<InboxUpdate>> InboxAsync() => App.WithDbAsync(db => db.Inbox.AsNoTracking().OrderBy(i => i.UpdateId).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
