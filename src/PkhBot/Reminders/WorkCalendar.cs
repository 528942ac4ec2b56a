using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Calendar;

namespace PkhBot.Reminders;

/// <summary>
/// Local time (WIB), working days (weekends and configured holidays excluded) and quiet hours: one place
/// that both the planners and the Quartz calendar read, so `jobs list` and the scheduler agree.
/// </summary>
public sealed class WorkCalendar
{
    public const string QuartzCalendarName = "hari-kerja";

    private readonly HashSet<DateOnly> _holidays;
    private readonly bool _skipWeekends;
    private readonly TimeOnly _quietStart;
    private readonly TimeOnly _quietEnd;

    public TimeZoneInfo Zone { get; }

    public WorkCalendar(IOptions<RemindersOptions> options)
    {
        var o = options.Value;
        Zone = ResolveZone(o.TimeZone);
        _holidays = o.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        _skipWeekends = o.SkipWeekends;
        _quietStart = RemindersOptions.ParseTime(o.QuietHoursStart);
        _quietEnd = RemindersOptions.ParseTime(o.QuietHoursEnd);
    }

    public static TimeZoneInfo ResolveZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) when (id is "Asia/Jakarta" or "WIB")
        {
            // Chiseled/Alpine images ship without tzdata; Jakarta has no DST, so a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant at which this local date and time happens.</summary>
    public DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date)
        => !_holidays.Contains(date) && !(_skipWeekends && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly FirstWorkingDayOfMonth(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (!IsWorkingDay(d) && d.Month == month) d = d.AddDays(1);
        return d;
    }

    public bool IsQuiet(DateTimeOffset instant)
    {
        var t = TimeOnly.FromDateTime(ToLocal(instant).DateTime);
        return _quietStart > _quietEnd
            ? t >= _quietStart || t < _quietEnd    // over midnight, e.g. 21:00-06:00
            : t >= _quietStart && t < _quietEnd;
    }

    /// <summary>Now, or the end of the quiet hours when now is inside them (the sender waits for NotBefore).</summary>
    public DateTimeOffset NextDeliveryTime(DateTimeOffset now)
    {
        if (!IsQuiet(now)) return now;
        var local = ToLocal(now);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= _quietEnd) date = date.AddDays(1);
        return AtLocal(date, _quietEnd);
    }

    /// <summary>Monday of the ISO week, and the period key "2025-W47".</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static string WeekKey(DateOnly date) => $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}";

    public static string DayKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthKey(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The same rules as a Quartz calendar (holidays on top of weekends), for triggers and `jobs list`.</summary>
    public ICalendar ToQuartzCalendar()
    {
        ICalendar? weekly = null;
        if (_skipWeekends) weekly = new WeeklyCalendar { TimeZone = Zone };
        var holidays = weekly is null ? new HolidayCalendar() : new HolidayCalendar(weekly);
        holidays.TimeZone = Zone;
        foreach (var d in _holidays) holidays.AddExcludedDay(d);
        return holidays;
    }

    /// <summary>Next fire time of a cron in this zone, skipping excluded days: what the scheduler will do.</summary>
    public DateTimeOffset? NextFireTime(string cron, DateTimeOffset after)
    {
        var expr = new CronExpression(cron, Zone);
        var calendar = ToQuartzCalendar();
        var t = expr.GetNextValidTimeAfter(after);
        for (var i = 0; t is not null && i < 1000 && !calendar.IsTimeIncluded(t.Value); i++)
            t = expr.GetNextValidTimeAfter(t.Value);
        return t;
    }
}
