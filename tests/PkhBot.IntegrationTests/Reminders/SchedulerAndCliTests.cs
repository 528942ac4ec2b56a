using Microsoft.EntityFrameworkCore;
using PkhBot.Cli;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reminders;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace PkhBot.IntegrationTests.Reminders;

public sealed class SchedulerAndCliTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task Worker_mode_schedules_every_job_in_its_own_Quartz_file_and_a_restart_adds_no_duplicates()
    {
        var quartzFile = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"quartz-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Store:ConnectionString"] = $"Data Source={quartzFile}",
            ["Reminders:Store:SchedulerName"] = $"test-{Guid.NewGuid():N}",
            ["Reminders:Holidays:0"] = "2025-12-25",
        };
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var app = await TestApp.StartAsync(settings, AppMode.Worker);
                Assert.Contains(app.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("Quartz"));
                var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("reminders"));
                Assert.Equal(ReminderRunner.Jobs.Order(), keys.Select(k => k.Name).Order());
                Assert.Equal(ReminderRunner.Jobs.Count, (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("reminders"))).Count);
                Assert.Single(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("announcements")));

                var calendar = app.Services.GetRequiredService<WorkCalendar>();
                var trigger = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(JobNames.PendampingWeekly, "reminders")))!;
                Assert.Equal(WorkCalendar.QuartzCalendarName, trigger.CalendarName);
                // After downtime: one catch-up run, not one per missed slot.
                Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
                Assert.Equal(calendar.Zone.BaseUtcOffset, trigger.TimeZone.BaseUtcOffset);
                var next = calendar.ToLocal(trigger.NextFireTimeUtc!.Value);
                Assert.Equal((DayOfWeek.Monday, 7, 30), (next.DayOfWeek, next.Hour, next.Minute));
                Assert.Equal(Wib, next.Offset);
                Assert.NotEqual(app.DatabasePath, quartzFile);
            }
            Assert.True(File.Exists(quartzFile));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(quartzFile + suffix);
        }
    }

    [Fact]
    public async Task A_job_fired_by_Quartz_in_the_worker_queues_its_nudges()
    {
        var quartzFile = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"quartz-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
            {
                ["Reminders:Store:ConnectionString"] = $"Data Source={quartzFile}",
                ["Reminders:Store:SchedulerName"] = $"fire-{Guid.NewGuid():N}",
            }, AppMode.Worker);
            await app.WithDbAsync(async db =>
            {
                var d = new ReminderData(db, app.Clock.GetUtcNow());
                var kec = await d.KecamatanAsync(1);
                var p = await d.PendampingAsync("Bu Quartz", kec[0], chatId: 3101);
                await d.FollowUpAsync(await d.HouseholdAsync("Ibu Quartz", kec[0], p.Id), new DateOnly(2025, 11, 17));
            });
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();

            await scheduler.TriggerJob(new JobKey(JobNames.FollowUpDue, "reminders"));

            // The job runs on Quartz's thread pool; wait for its row (the clock is the test's fake Monday 08:00).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var count = 0;
            while (count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                count = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 3101));
            }
            await scheduler.Shutdown(true);
            Assert.Equal(1, count);
            Assert.Equal(1, await app.WithDbAsync(db => db.NudgeLog.CountAsync(l => l.Job == JobNames.FollowUpDue && l.Period == "2025-11-17")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(quartzFile + suffix);
        }
    }

    [Fact]
    public async Task Quartz_refuses_to_share_the_bots_own_SQLite_file()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var app = await TestApp.StartAsync(configure: b =>
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Reminders:Store:ConnectionString"] = b.Configuration["ConnectionStrings:PkhBot"],
                }));
        });
        Assert.Contains("Reminders:Store:ConnectionString", ex.Message);
    }

    [Fact]
    public async Task Tool_mode_has_no_scheduler()
    {
        await using var app = await TestApp.StartAsync();
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("Quartz"));
    }

    [Fact]
    public async Task Jobs_list_shows_next_fire_times_in_WIB_skipping_holidays_and_weekends()
    {
        var output = new StringWriter();
        var rc = await CliRoot.RunAsync(["jobs", "list", "--now", "2025-11-21T10:00:00+07:00", "--Reminders:Holidays:0=2025-11-24"], output);

        Assert.Equal(0, rc);
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("pendamping-weekly") && l.Contains("01-12-2025 07:30"));
        Assert.Contains(lines, l => l.StartsWith("followup-due") && l.Contains("25-11-2025 08:00"));
        Assert.Contains(lines, l => l.StartsWith("escalation") && l.Contains("25-11-2025 09:00"));
    }

    [Fact]
    public async Task Jobs_run_with_an_unknown_name_lists_the_valid_names_and_exits_2()
    {
        var output = new StringWriter();
        var rc = await CliRoot.RunAsync(["jobs", "run", "kirim-semua"], output);
        Assert.Equal(2, rc);
    }

    [Fact]
    public async Task Jobs_run_queues_as_of_now_prints_a_summary_and_a_second_run_finds_only_duplicates()
    {
        await using var app = await TestApp.StartAsync();
        await app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, app.Clock.GetUtcNow());
            var kec = await d.KecamatanAsync(1);
            var p = await d.PendampingAsync("Bu Cli", kec[0], chatId: 3001);
            await d.FollowUpAsync(await d.HouseholdAsync("Ibu Cli", kec[0], p.Id), new DateOnly(2025, 11, 17));
        });
        string[] args = ["jobs", "run", "followup-due", "--now", "2025-11-17T08:00:00+07:00", $"--ConnectionStrings:PkhBot=Data Source={app.DatabasePath}"];

        var first = new StringWriter();
        Assert.Equal(0, await CliRoot.RunAsync(args, first));
        var second = new StringWriter();
        Assert.Equal(0, await CliRoot.RunAsync(args, second));

        Assert.Contains("followup-due @ 2025-11-17 08:00 WIB: 1 pengingat diantrekan (1 pesan), 0 duplikat", first.ToString());
        Assert.Contains("tertunda 1", first.ToString());   // no Telegram token here: it stays queued for the sender
        Assert.Contains("0 pengingat diantrekan (0 pesan), 1 duplikat", second.ToString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 3001)));
    }
}
