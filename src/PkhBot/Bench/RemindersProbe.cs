using System.Diagnostics;
using PkhBot.Reminders;

namespace PkhBot.Bench;

/// <summary>Every reminder job planned and written for 1,000,000 households and 4,000 pendamping x scale.</summary>
public sealed class RemindersProbe : IBenchProbe
{
    public string Area => "reminders";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var households = (int)Math.Max(1000, 1_000_000 * options.Scale);
        var pendamping = (int)Math.Max(4, 4_000 * options.Scale);
        var (app, db) = await BenchHost.BuildAsync(options, AppMode.Tool, null, ct);
        try
        {
            var seed = Stopwatch.StartNew();
            BenchHost.Seed(db, pendamping, households, BenchHost.Monday);
            var seedSeconds = seed.Elapsed.TotalSeconds;
            GC.Collect();
            var runner = app.Services.GetRequiredService<ReminderRunner>();
            var figures = new List<BenchFigure>();
            var total = Stopwatch.StartNew();
            var (results, peak) = await BenchHost.WithPeakMemoryAsync(async () =>
            {
                var list = new List<(string Job, double Seconds, ReminderRunResult R)>();
                foreach (var job in ReminderRunner.Jobs)
                {
                    var sw = Stopwatch.StartNew();
                    var r = await runner.RunAsync(job, BenchHost.Monday, ct);
                    list.Add((job, sw.Elapsed.TotalSeconds, r));
                }
                return list;
            });
            var seconds = total.Elapsed.TotalSeconds;
            var messages = results.Sum(r => r.R.Messages);
            figures.Add(new(Area, "all jobs", seconds, "s", options.Scale >= 0.1 ? 30 * Math.Min(1, options.Scale) : null, false,
                Note: $"{households:N0} households, {pendamping:N0} pendamping, {messages:N0} outbox rows; budget 30 s at scale 1, pro rata from 0.1"));
            figures.Add(new(Area, "peak working set", peak, "MB", 500, false, Note: "whole process, sampled every 50 ms"));
            foreach (var (job, s, r) in results)
                figures.Add(new(Area, job, s, "s", null, false, Note: r.SkippedReason ?? $"{r.Queued:N0} nudges, {r.Messages:N0} messages"));
            figures.Add(new(Area, "seed (raw inserts)", seedSeconds, "s", null, false, Note: "setup, not budgeted"));
            return figures;
        }
        finally
        {
            await app.DisposeAsync();
            BenchHost.DeleteDb(db);
        }
    }
}
