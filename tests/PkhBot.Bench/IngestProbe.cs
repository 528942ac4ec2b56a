using System.Diagnostics;
using PkhBot.Conversation;

namespace PkhBot.Bench;

/// <summary>
/// One-line progress reports from many pendamping: (1) through Telegram (Telegram.Bot client -> fake Bot API on
/// 127.0.0.1 -> polling loop -> pipeline -> SQLite -> outbox -> reply sent back), all queued at once, and one at a
/// time for the unloaded latency; (2) the same pipeline called directly, without Telegram.
/// The sender's own rate limits are raised and the fake's switched off: the replies go to many distinct chats
/// (real Telegram would still cap replies at 30/s in all, which is the delivery figure).
/// </summary>
public sealed class IngestProbe : IBenchProbe
{
    public string Area => "ingest";

    public static int Reports(double scale) => (int)Math.Clamp(20_000 * scale, 100, 10_000);

    private const int MaxWarmUpBursts = 10;
    private const int JitSettled = 200;   // methods compiled during one warm-up burst
    private const int BatchSize = Channels.Telegram.TelegramInbox.MaxUpdatesPerTransaction;

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var reports = Reports(options.Scale);
        var users = Math.Clamp(reports / 10, 10, 500);
        await using var fake = await FakeBotApi.StartAsync();
        fake.EnforceRateLimits = false;
        var (app, db) = await BenchHost.BuildAsync(options, AppMode.Worker, new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = fake.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:SetCommandMenus"] = "false",
            ["Telegram:GlobalPerSecond"] = "10000",   // the pipeline, not Telegram's limits, is measured here
            ["Telegram:PerChatPerSecond"] = "100",
            ["Telegram:PerChatBurst"] = "20",
            ["Telegram:MaxConcurrentSends"] = "16",
            // Each of the pendamping sends ~100 reports a minute here: the per-user limit is not what is measured.
            ["Conversation:MaxMessagesPerMinute"] = "10000",
            ["Conversation:MaxMessagesPerMinuteStaff"] = "10000",
        }, ct);
        try
        {
            BenchHost.Seed(db, users, users * 10, BenchHost.Monday);
            await app.StartAsync(ct);
            // Report i is about household B(i mod households), sent by the pendamping it belongs to (BenchHost.Seed
            // deals households out round-robin): the same i for both, or the bot answers "not found" instead of saving.
            string Text(int i) => $"/lapor B{i % (users * 10) + 1} usaha omzet 2,5 jt/bln warung kopi";
            long User(int i) => 1_000_000L + i % (users * 10) % users;
            int Replies() => fake.SentCount("sendMessage");

            // Warm-up: bursts like the measured one until the JIT has settled. A fresh process recompiles its hot code
            // at the JIT's second tier for its first ~12,000 reports (a fifth of its CPU, on a thread of its own: perf
            // on this machine); measured after that, the figures are the steady state of a running bot.
            var warmBurst = Math.Min(reports, 2_000);
            var warm = 0;
            for (var round = 0; round < MaxWarmUpBursts; round++)
            {
                var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                var before = Replies();
                for (var i = 0; i < warmBurst; i++) fake.EnqueueMessage(User(warm + i), Text(warm + i));
                warm += warmBurst;
                await fake.WaitUntilAsync(() => Replies() >= before + warmBurst, TimeSpan.FromSeconds(120 + warmBurst / 20), "warm-up replies");
                if (System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore < JitSettled) break;
            }

            // Unloaded latency: one report at a time.
            var single = new List<double>();
            for (var i = 0; i < Math.Min(100, reports); i++)
            {
                var before = Replies();
                var queuedAt = DateTimeOffset.UtcNow;
                fake.EnqueueMessage(User(i + 20), Text(i + 20));
                await fake.WaitUntilAsync(() => Replies() > before, TimeSpan.FromSeconds(30), "a reply");
                // The fake's own receive time, not when this loop noticed: the wait polls every 20 ms.
                var reply = fake.Sent.Where(s => s.Method == "sendMessage").Skip(before).First();
                single.Add((reply.At - queuedAt).TotalMilliseconds);
            }

            // Throughput: everything queued at once.
            var start = Replies();
            var writer = app.Services.GetRequiredService<Data.WriteGate>();
            var busyBefore = writer.Busy;
            var sentAt = new Dictionary<long, Queue<DateTimeOffset>>();
            var t0 = DateTimeOffset.UtcNow;
            for (var i = 0; i < reports; i++)
            {
                var u = User(i + 500);
                if (!sentAt.TryGetValue(u, out var q)) sentAt[u] = q = new Queue<DateTimeOffset>();
                q.Enqueue(DateTimeOffset.UtcNow);
                fake.EnqueueMessage(u, Text(i + 500));
            }
            var sw = Stopwatch.StartNew();
            await fake.WaitUntilAsync(() => Replies() >= start + reports, TimeSpan.FromSeconds(120 + reports / 20), $"{reports} replies");
            var seconds = (DateTimeOffset.UtcNow - t0).TotalSeconds;
            var writerBusy = (writer.Busy - busyBefore).TotalSeconds / seconds;
            var burst = new List<double>();
            foreach (var s in fake.Sent.Where(s => s.Method == "sendMessage").Skip(start))
                if (sentAt.TryGetValue(s.ChatId, out var q) && q.Count > 0) burst.Add((s.At - q.Dequeue()).TotalMilliseconds);
            single.Sort();
            burst.Sort();
            // Every burst reply must be a receipt: a "not found" costs different work than a saved report.
            var receipts = fake.Sent.Where(s => s.Method == "sendMessage").Skip(start).Count(s => s.Text?.Contains("Laporan tersimpan", StringComparison.Ordinal) == true);
            if (receipts < reports) throw new InvalidOperationException($"only {receipts} of {reports} burst replies are report receipts");

            // The same pipeline without Telegram, in the running host (its background checkpoints included); the
            // console channel keeps the sender out of it, so only the pipeline is measured.
            var pipeline = app.Services.GetRequiredService<ConversationPipeline>();   // a singleton: it makes a scope per update
            Incoming ConsoleUpdate(long updateId, int i) => new()
            {
                Channel = "console", UpdateId = updateId, UserId = User(i + 7), ChatId = User(i + 7), Text = Text(i + 7), SentAt = TimeProvider.System.GetUtcNow(),
            };
            var direct = new List<double>();
            var pipeStart = Stopwatch.StartNew();
            for (var i = 0; i < reports; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await pipeline.ProcessAsync(ConsoleUpdate(90_000_000 + i, i), ct);
                direct.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            var pipeSeconds = pipeStart.Elapsed.TotalSeconds;
            direct.Sort();

            // Batched as the Telegram poller runs a polled batch on SQLite (16 updates, one transaction): the gap to
            // the Telegram figure is what HTTP, polling and sending the replies cost.
            var batchStart = Stopwatch.StartNew();
            for (var i = 0; i < reports; i += BatchSize)
                await pipeline.ProcessBatchAsync(Enumerable.Range(i, Math.Min(BatchSize, reports - i)).Select(j => ConsoleUpdate(95_000_000 + j, j + 4)).ToList(), ct);
            var batchSeconds = batchStart.Elapsed.TotalSeconds;
            await app.StopAsync(CancellationToken.None);

            return
            [
                new(Area, "telegram reports/s", reports / seconds, "rep/s", 1000, true, Note: $"{reports:N0} reports from {users} pendamping queued at once, after {warm:N0} warm-up reports (until the JIT settled)"),
                new(Area, "writer busy (burst)", 100 * writerBusy, "%", null, false, Note: "share of the burst SQLite's one writer was held: pipeline, inbox, outbox claims and marks"),
                new(Area, "telegram p50 (burst)", BenchHost.Percentile(burst, 0.5), "ms", null, false, Note: "update queued -> reply received, incl. queueing"),
                new(Area, "telegram p99 (burst)", BenchHost.Percentile(burst, 0.99), "ms", null, false),
                new(Area, "telegram p50 (one at a time)", BenchHost.Percentile(single, 0.5), "ms", null, false, Note: $"{single.Count} reports, unloaded"),
                new(Area, "telegram p99 (one at a time)", BenchHost.Percentile(single, 0.99), "ms", 100, false),
                new(Area, "pipeline reports/s", reports / pipeSeconds, "rep/s", 1000, true, Note: "ProcessAsync direct, sequential, reply left in outbox"),
                new(Area, "pipeline p50", BenchHost.Percentile(direct, 0.5), "ms", null, false),
                new(Area, "pipeline p99", BenchHost.Percentile(direct, 0.99), "ms", 100, false),
                new(Area, "pipeline reports/s, batches of 16", reports / batchSeconds, "rep/s", null, true, Note: "ProcessBatchAsync direct, one transaction per 16 updates as the poller on SQLite"),
            ];
        }
        finally
        {
            await app.DisposeAsync();
            BenchHost.DeleteDb(db);
        }
    }
}
