using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reminders;

namespace PkhBot.IntegrationTests.Reminders;

public sealed class ReminderJobsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Monday0800 = new(2025, 11, 17, 8, 0, 0, Wib);
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Reminders:Holidays:0"] = "2025-11-19",   // Wednesday of the simulated week
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ReminderRunResult> Run(string job, DateTimeOffset at) => _app.Services.GetRequiredService<ReminderRunner>().RunAsync(job, at, CancellationToken.None);

    private Task<List<OutboxMessage>> Outbox(long chatId) => _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == chatId).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_simulated_week_sends_the_right_nudges_on_the_right_days_and_none_on_the_holiday_or_weekend()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            var p = await d.PendampingAsync("Bu Rina", kec[0], chatId: 1001);
            await d.CoordinatorAsync("Pak Koor", 2001, false, kec[0]);
            var h = await d.HouseholdAsync("Siti <Aminah> & _*[]", kec[0], p.Id);
            for (var day = 17; day <= 23; day++) await d.FollowUpAsync(h, new DateOnly(2025, 11, day), $"urusan {day}");
            await d.FollowUpAsync(h, new DateOnly(2025, 11, 3), "terlambat lama");
        });
        var calendar = _app.Services.GetRequiredService<WorkCalendar>();
        var crons = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RemindersOptions>>().Value.Cron;

        // Fire every job exactly when its cron + working-day calendar says, through the week.
        var fired = new List<(string Job, DateOnly Day)>();
        var weekStart = new DateTimeOffset(2025, 11, 17, 0, 0, 0, Wib);
        foreach (var (job, cron) in crons.All())
        {
            for (var t = calendar.NextFireTime(cron, weekStart); t is { } at && at < weekStart.AddDays(7); t = calendar.NextFireTime(cron, at))
            {
                var r = await Run(job, at);
                if (r.Messages > 0) fired.Add((job, calendar.LocalDate(at)));
            }
        }

        var days = (string job) => fired.Where(f => f.Job == job).Select(f => f.Day.Day).ToArray();
        Assert.Equal([17, 18, 20, 21], days(JobNames.FollowUpDue));
        Assert.Equal([17], days(JobNames.PendampingWeekly));
        Assert.Equal([17], days(JobNames.CoordinatorWeekly));
        Assert.Equal([17, 18, 20, 21], days(JobNames.Escalation));
        Assert.Empty(days(JobNames.GraduationCandidates));   // November's first working week is long past

        // Even forced on the holiday or the weekend (a misfire after downtime), routine jobs produce nothing.
        foreach (var at in new[] { new DateTimeOffset(2025, 11, 19, 8, 0, 0, Wib), new DateTimeOffset(2025, 11, 22, 8, 0, 0, Wib) })
        {
            var r = await Run(JobNames.FollowUpDue, at);
            Assert.NotNull(r.SkippedReason);
            Assert.Equal(0, r.Messages);
        }

        var toPendamping = await Outbox(1001);
        Assert.Equal(5, toPendamping.Count);
        Assert.All(toPendamping, m => Assert.Equal(OutboxKind.Nudge, m.Kind));
        Assert.Contains("Siti &lt;Aminah&gt; &amp; _*[]", toPendamping[0].Text);
        Assert.Contains("<b>7</b> tindak lanjut jatuh tempo minggu ini", toPendamping[0].Text);   // the weekly one, Monday
        Assert.Contains("P2K2 bulan November belum dicatat", toPendamping[0].Text);
        Assert.StartsWith("<b>1 tindak lanjut</b> jatuh tempo hari ini", toPendamping[1].Text);
        var coordinator = await Outbox(2001);
        Assert.Contains(coordinator, m => m.AttachmentKind == AttachmentKind.Photo && m.Attachment is { Length: > 1000 });
    }

    [Fact]
    public async Task A_nudge_planned_in_quiet_hours_waits_until_six_in_the_morning()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            var p = await d.PendampingAsync("Bu Ani", kec[0], chatId: 1101);
            await d.FollowUpAsync(await d.HouseholdAsync("Sri", kec[0], p.Id), new DateOnly(2025, 11, 17));
        });

        var r = await Run(JobNames.FollowUpDue, new DateTimeOffset(2025, 11, 17, 22, 15, 0, Wib));

        Assert.Equal(1, r.Queued);
        var m = Assert.Single(await Outbox(1101));
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 6, 0, 0, Wib), m.NotBefore);
    }

    [Fact]
    public async Task A_forced_rerun_of_the_same_job_and_period_sends_nothing_twice()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            var p1 = await d.PendampingAsync("Bu Satu", kec[0], chatId: 1201);
            var p2 = await d.PendampingAsync("Bu Dua", kec[0], chatId: 1202);
            await d.FollowUpAsync(await d.HouseholdAsync("A", kec[0], p1.Id), new DateOnly(2025, 11, 17));
            await d.FollowUpAsync(await d.HouseholdAsync("B", kec[0], p2.Id), new DateOnly(2025, 11, 17));
            // As if a run crashed right after committing Bu Satu's nudge.
            db.NudgeLog.Add(new NudgeLog { Job = JobNames.FollowUpDue, Subject = $"pendamping:{p1.Id}", Period = "2025-11-17", CreatedAt = Monday0800 });
            await db.SaveChangesAsync();
        });

        var first = await Run(JobNames.FollowUpDue, Monday0800);
        var again = await Run(JobNames.FollowUpDue, Monday0800.AddHours(2));

        Assert.Equal((1, 1), (first.Queued, first.Duplicates));
        Assert.Equal((0, 2), (again.Queued, again.Duplicates));
        Assert.Empty(await Outbox(1201));
        Assert.Single(await Outbox(1202));
        Assert.Equal(2, await _app.WithDbAsync(db => db.NudgeLog.CountAsync()));
    }

    [Fact]
    public async Task Two_runs_racing_on_the_same_period_queue_each_nudge_once()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            for (var i = 0; i < 30; i++)
            {
                var p = await d.PendampingAsync($"P{i}", kec[0], chatId: 1300 + i);
                await d.FollowUpAsync(await d.HouseholdAsync($"H{i}", kec[0], p.Id), new DateOnly(2025, 11, 17));
            }
        });

        var results = await Task.WhenAll(Run(JobNames.FollowUpDue, Monday0800), Run(JobNames.FollowUpDue, Monday0800));

        Assert.Equal(30, results.Sum(r => r.Queued));
        Assert.Equal(30, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId >= 1300 && m.ChatId < 1330)));
    }

    [Fact]
    public async Task An_escalation_reaches_the_coordinator_of_the_right_kecamatan_and_the_kabupaten_only()
    {
        int pendampingId = 0;
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(2);
            var p = await d.PendampingAsync("Bu <Overdue>", kec[0], chatId: 1401);
            pendampingId = p.Id;
            await d.CoordinatorAsync("Koor A", 2401, false, kec[0]);
            await d.CoordinatorAsync("Koor B", 2402, false, kec[1]);
            await d.CoordinatorAsync("Koor Kab", 2403, true);
            var h = await d.HouseholdAsync("Warsini", kec[0], p.Id);
            await d.FollowUpAsync(h, new DateOnly(2025, 11, 10));   // 7 days overdue
            await d.FollowUpAsync(h, new DateOnly(2025, 11, 12));   // only 5: not yet escalated
        });

        await Run(JobNames.Escalation, new DateTimeOffset(2025, 11, 17, 9, 0, 0, Wib));

        var a = Assert.Single(await Outbox(2401));
        Assert.Single(await Outbox(2403));
        Assert.Empty(await Outbox(2402));
        Assert.Empty(await Outbox(1401));
        Assert.StartsWith("<b>1 tindak lanjut terlambat 7+ hari</b>", a.Text);
        Assert.Contains("Bu &lt;Overdue&gt;", a.Text);
        Assert.Contains("tl:list", a.KeyboardJson);
    }

    [Fact]
    public async Task Opted_out_and_unreachable_pendamping_get_no_routine_nudges()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            foreach (var (chat, optedOut, unreachable) in new[] { (1501L, true, false), (1502L, false, true), (1503L, false, false) })
            {
                var p = await d.PendampingAsync($"P{chat}", kec[0], chat, optedOut, unreachable);
                await d.HouseholdAsync($"H{chat}", kec[0], p.Id);
            }
        });

        var r = await Run(JobNames.PendampingWeekly, new DateTimeOffset(2025, 11, 17, 7, 30, 0, Wib));

        Assert.Equal(1, r.Queued);
        Assert.Empty(await Outbox(1501));
        Assert.Empty(await Outbox(1502));
        var m = Assert.Single(await Outbox(1503));
        Assert.Contains("1 KPM", m.Text);
        Assert.Contains("kpm:c:", m.KeyboardJson);

        // The nudge's button opens the household card (with its Lapor button) for that pendamping.
        var button = PkhBot.Channels.Outbox.OutboxMessageFactory.ReadKeyboard(m)!.Rows[0][0];
        var card = await new PkhBot.IntegrationTests.Infrastructure.ChatDriver(_app, 1503).PressAsync(button.Data!);
        Assert.DoesNotContain("tidak berlaku", card.Text);
        Assert.Contains(card.Messages.SelectMany(x => PkhBot.Channels.Outbox.OutboxMessageFactory.ReadKeyboard(x)?.Rows.SelectMany(r => r) ?? []), b => b.Text.Contains("Lapor"));
    }

    [Fact]
    public async Task Weekly_pendamping_nudge_is_skipped_when_there_is_nothing_to_say()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            var p = await d.PendampingAsync("Bu Rajin", kec[0], chatId: 1601);
            await d.ReportAsync(await d.HouseholdAsync("Dilaporkan", kec[0], p.Id), Monday0800.AddDays(-3));
            await d.P2k2Async(p.Id, new DateOnly(2025, 11, 5));
        });

        var r = await Run(JobNames.PendampingWeekly, new DateTimeOffset(2025, 11, 17, 7, 30, 0, Wib));

        Assert.Equal(0, r.Queued);
        Assert.Empty(await Outbox(1601));
    }

    [Fact]
    public async Task Graduation_candidates_go_out_once_in_the_first_working_week_of_the_month()
    {
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Monday0800);
            var kec = await d.KecamatanAsync(1);
            var p = await d.PendampingAsync("Bu Grad", kec[0], chatId: 1701);
            await d.HouseholdAsync("Tanpa Komponen", kec[0], p.Id, anakSd: 0);
            // Reporting's rule (GraduationRulesOptions): income >= 2.5 jt in 3 of the last 4 months (Sep-Dec as of 1 Dec).
            var rich = await d.HouseholdAsync("Warung Maju", kec[0], p.Id);
            foreach (var month in new[] { 9, 10, 11 }) await d.ReportAsync(rich, new DateTimeOffset(2025, month, 20, 10, 0, 0, Wib), income: 3_000_000);
            var once = await d.HouseholdAsync("Sekali Laris", kec[0], p.Id);   // one good month is not enough
            await d.ReportAsync(once, new DateTimeOffset(2025, 11, 20, 10, 0, 0, Wib), income: 3_000_000);
            await d.ReportAsync(await d.HouseholdAsync("Usaha Lama", kec[0], p.Id), new DateTimeOffset(2025, 11, 3, 10, 0, 0, Wib), businessMonths: 8);
            await d.HouseholdAsync("Biasa", kec[0], p.Id);
        });

        var dec1 = await Run(JobNames.GraduationCandidates, new DateTimeOffset(2025, 12, 1, 8, 30, 0, Wib));
        var dec2 = await Run(JobNames.GraduationCandidates, new DateTimeOffset(2025, 12, 2, 8, 30, 0, Wib));
        var dec10 = await Run(JobNames.GraduationCandidates, new DateTimeOffset(2025, 12, 10, 8, 30, 0, Wib));

        Assert.Equal((1, 0, 0), (dec1.Queued, dec2.Queued, dec10.Queued));
        Assert.Equal(1, dec2.Duplicates);
        var m = Assert.Single(await Outbox(1701));
        Assert.StartsWith("<b>3 KPM calon graduasi</b>", m.Text);
        Assert.Contains("Warung Maju — penghasilan Rp3.000.000", m.Text);
        Assert.Contains("Usaha Lama — usaha 8 bulan", m.Text);
        Assert.DoesNotContain("Sekali Laris", m.Text);
        Assert.DoesNotContain("Biasa", m.Text);
        Assert.Contains("kpm:", m.KeyboardJson);
    }
}
