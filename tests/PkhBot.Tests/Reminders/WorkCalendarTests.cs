using Microsoft.Extensions.Options;
using PkhBot.Reminders;

namespace PkhBot.Tests.Reminders;

public sealed class WorkCalendarTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static WorkCalendar Calendar(params string[] holidays) => new(Options.Create(new RemindersOptions { Holidays = [.. holidays] }));

    [Theory]
    [InlineData(22, 15, 18, 6)]   // evening: next morning 06:00
    [InlineData(3, 0, 17, 6)]     // small hours: same morning 06:00
    [InlineData(21, 0, 18, 6)]    // quiet hours start inclusive
    public void A_time_in_quiet_hours_is_moved_to_six_in_the_morning(int hour, int minute, int expectedDay, int expectedHour)
    {
        var next = Calendar().NextDeliveryTime(new DateTimeOffset(2025, 11, 17, hour, minute, 0, Wib));
        Assert.Equal(new DateTimeOffset(2025, 11, expectedDay, expectedHour, 0, 0, Wib), next);
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(12, 30)]
    [InlineData(20, 59)]
    public void A_time_outside_quiet_hours_is_kept(int hour, int minute)
    {
        var at = new DateTimeOffset(2025, 11, 17, hour, minute, 0, Wib);
        Assert.Equal(at, Calendar().NextDeliveryTime(at));
    }

    [Theory]
    [InlineData(22, 15)]
    [InlineData(3, 0)]
    [InlineData(12, 0)]
    public void The_same_start_and_end_means_no_quiet_hours(int hour, int minute)
    {
        var calendar = new WorkCalendar(Options.Create(new RemindersOptions { QuietHoursStart = "00:00", QuietHoursEnd = "00:00" }));
        var at = new DateTimeOffset(2025, 11, 17, hour, minute, 0, Wib);
        Assert.False(calendar.IsQuiet(at));
        Assert.Equal(at, calendar.NextDeliveryTime(at));
    }

    [Fact]
    public void Quiet_hours_are_judged_in_WIB_not_UTC()
    {
        var utc = new DateTimeOffset(2025, 11, 17, 15, 0, 0, TimeSpan.Zero);   // 22:00 WIB
        Assert.True(Calendar().IsQuiet(utc));
    }

    [Fact]
    public void Weekends_and_configured_holidays_are_not_working_days()
    {
        var c = Calendar("2025-11-19");
        Assert.True(c.IsWorkingDay(new DateOnly(2025, 11, 18)));
        Assert.False(c.IsWorkingDay(new DateOnly(2025, 11, 19)));
        Assert.False(c.IsWorkingDay(new DateOnly(2025, 11, 22)));
        Assert.False(c.IsWorkingDay(new DateOnly(2025, 11, 23)));
    }

    [Fact]
    public void The_first_working_day_skips_a_new_year_holiday_and_the_weekend()
    {
        // 1 Jan 2028 is a Saturday; Monday 3 Jan made a holiday.
        Assert.Equal(new DateOnly(2028, 1, 4), Calendar("2028-01-03").FirstWorkingDayOfMonth(2028, 1));
    }

    [Fact]
    public void Next_fire_time_follows_the_cron_in_WIB_and_skips_holidays()
    {
        var next = Calendar("2025-11-24").NextFireTime("0 30 7 ? * MON", new DateTimeOffset(2025, 11, 17, 8, 0, 0, Wib));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 7, 30, 0, Wib), next);
    }

    [Fact]
    public void Period_keys_are_iso_weeks_days_and_months()
    {
        var d = new DateOnly(2025, 11, 17);
        Assert.Equal("2025-W47", WorkCalendar.WeekKey(d));
        Assert.Equal("2025-11-17", WorkCalendar.DayKey(d));
        Assert.Equal("2025-11", WorkCalendar.MonthKey(d));
        Assert.Equal(new DateOnly(2025, 11, 17), WorkCalendar.WeekStart(new DateOnly(2025, 11, 23)));
    }

    [Fact]
    public void Jakarta_resolves_to_UTC_plus_7()
        => Assert.Equal(Wib, WorkCalendar.ResolveZone("Asia/Jakarta").BaseUtcOffset);

    [Fact]
    public void Graduation_candidates_are_due_only_in_the_first_working_week()
    {
        var c = Calendar();
        Assert.True(GraduationCandidatesPlanner.IsDue(c, new DateOnly(2025, 12, 1)));
        Assert.True(GraduationCandidatesPlanner.IsDue(c, new DateOnly(2025, 12, 5)));
        Assert.False(GraduationCandidatesPlanner.IsDue(c, new DateOnly(2025, 12, 10)));
        Assert.False(GraduationCandidatesPlanner.IsDue(c, new DateOnly(2025, 11, 1)));   // a Saturday
    }

    [Fact]
    public void Invalid_settings_are_reported_in_Indonesian_with_the_setting_name()
    {
        var o = new RemindersOptions { QuietHoursStart = "9 malam", Holidays = ["25/12/2025"], Store = { Provider = "Sqlite", Clustered = true } };
        o.Cron.Escalation = "tiap hari";
        var errors = o.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(o)).Select(e => e.ErrorMessage).ToList();
        Assert.Contains(errors, e => e!.Contains("Reminders:QuietHoursStart"));
        Assert.Contains(errors, e => e!.Contains("Reminders:Holidays"));
        Assert.Contains(errors, e => e!.Contains("Reminders:Cron:escalation"));
        Assert.Contains(errors, e => e!.Contains("Reminders:Store:Clustered"));
    }
}
