using System.Diagnostics;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Bench;

/// <summary>Queued nudges to distinct chats through the real sender against the fake enforcing Telegram's limits (30/s).</summary>
public sealed class DeliveryProbe : IBenchProbe
{
    public string Area => "delivery";

    /// <summary>5,000 at --scale >= 0.5, 1,000 at the default 0.1 (~35 s), at least 60.</summary>
    public static int Messages(double scale) => (int)Math.Clamp(10_000 * scale, 60, 5_000);

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var n = Messages(options.Scale);
        await using var fake = await FakeBotApi.StartAsync();
        var (app, db) = await BenchHost.BuildAsync(options, AppMode.Worker, new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = fake.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:SetCommandMenus"] = "false",
        }, ct);
        try
        {
            await app.StartAsync(ct);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var ctx = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
                var now = TimeProvider.System.GetUtcNow();
                for (var i = 0; i < n; i++)
                    ctx.Outbox.Add(OutboxMessageFactory.Create("telegram", 2_000_000 + i, new Reply($"<b>Pengingat</b>: {i + 1} KPM belum dilaporkan minggu ini."), OutboxKind.Nudge, now));
                await ctx.SaveChangesAsync(ct);
            }
            var sw = Stopwatch.StartNew();
            app.Services.GetRequiredService<OutboxSignal>().Notify();
            bool Done() => fake.Sent.Count(s => s.Method == "sendMessage" && s.ChatId >= 2_000_000) >= n;
            await fake.WaitUntilAsync(Done, TimeSpan.FromSeconds(n / 30.0 * 2 + 30), $"{n} nudges");
            var seconds = sw.Elapsed.TotalSeconds;
            var rate = n / seconds;
            var rejected = fake.CountCalls("sendMessage", 429);
            return
            [
                new(Area, "msgs/s", rate, "msg/s", 30 * 0.95, true, Limit: 30, Note: $"{n:N0} nudges to {n:N0} chats in {seconds:0.0} s"),
                new(Area, "429 answers", rejected, "", 0, false),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            BenchHost.DeleteDb(db);
        }
    }
}
