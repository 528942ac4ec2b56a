using System.Diagnostics;
using System.Globalization;
using PkhBot.Reminders;

namespace PkhBot.Bench;

/// <summary>
/// Every reminder job planned and written for 1,000,000 households and 4,000 pendamping x scale, as of a Monday;
/// then the monthly graduation nudge on the first working day of the next month (it is not due on that Monday),
/// over seeded income and usaha reports (Reporting's rules: 3 of 4 months, usaha months).
/// </summary>
public sealed class RemindersProbe : IBenchProbe
{
    /// <summary>Monday 1 December 2025 08:30 WIB: the first working day of the month, when the graduation nudge is due.</summary>
    public static readonly DateTimeOffset FirstWorkingDay = new(2025, 12, 1, 8, 30, 0, TimeSpan.FromHours(7));

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
            var reports = SeedGraduationReports(db);
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
                var due = Stopwatch.StartNew();
                var g = await runner.RunAsync(JobNames.GraduationCandidates, FirstWorkingDay, ct);
                list.Add((JobNames.GraduationCandidates + ", 1 Dec (due)", due.Elapsed.TotalSeconds, g));
                return list;
            });
            var seconds = total.Elapsed.TotalSeconds;
            var messages = results.Sum(r => r.R.Messages);
            figures.Add(new(Area, "all jobs", seconds, "s", options.Scale >= 0.1 ? 30 * Math.Min(1, options.Scale) : null, false,
                Note: $"{households:N0} households, {pendamping:N0} pendamping, {reports:N0} reports, {messages:N0} outbox rows (Monday jobs + graduation on 1 Dec); budget 30 s at scale 1, pro rata from 0.1"));
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

    /// <summary>
    /// Reports the graduation rules read, as raw inserts: every 10th household reports income >= the threshold in
    /// Sep, Oct and Nov 2025 (a candidate on 1 Dec), the next one in November only (not one), every 50th an usaha
    /// report of an 8-month business (a candidate). Dated before the Monday's 14-day window, so the other jobs see
    /// the same numbers as without them. Returns the number of reports.
    /// </summary>
    private static int SeedGraduationReports(string dbPath)
    {
        using var c = BenchHost.Open(dbPath);
        var households = new List<(int Id, int Pendamping)>();
        using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT Id, PendampingId FROM Households ORDER BY Id";
            using var r = q.ExecuteReader();
            while (r.Read()) households.Add((r.GetInt32(0), r.GetInt32(1)));
        }
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO Reports (HouseholdId, PendampingId, EventAt, ReceivedAt, Category, Note, IncomeRupiah, ValuesJson, Withdrawn) " +
                          "VALUES ($h, $p, $t, $t, $c, $n, $i, $v, 0)";
        foreach (var name in new[] { "$h", "$p", "$t", "$c", "$n", "$i", "$v" }) cmd.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(name, null));
        cmd.Prepare();
        var wib = TimeSpan.FromHours(7);
        var count = 0;
        void Insert(int h, int p, DateTimeOffset at, string category, string note, long? income, string? json)
        {
            object?[] values = [h, p, at.UtcTicks, category, note, income, json];
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            count++;
        }
        for (var k = 0; k < households.Count; k++)
        {
            var (h, p) = households[k];
            if (k % 10 == 1)
                foreach (var month in new[] { 9, 10, 11 })
                    Insert(h, p, new DateTimeOffset(2025, month, 1, 10, 0, 0, wib), "Usaha", "omzet 3 jt/bln", 3_000_000, null);
            else if (k % 10 == 2)
                Insert(h, p, new DateTimeOffset(2025, 11, 1, 10, 0, 0, wib), "Usaha", "omzet 3 jt/bln", 3_000_000, null);
            if (k % 50 == 3)
                Insert(h, p, new DateTimeOffset(2025, 10, 20, 10, 0, 0, wib), "Usaha", "warung sudah berjalan 8 bulan", null,
                    "{\"businessMonths\":" + 8.ToString(CultureInfo.InvariantCulture) + "}");
        }
        tx.Commit();
        return count;
    }
}
