using System.Globalization;

namespace PkhBot.Reporting;

/// <summary>Western Indonesia Time (Asia/Jakarta, UTC+7, no DST): what "kemarin" and "tgl 5" mean to a pendamping.</summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToWib(DateTimeOffset t) => t.ToOffset(Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToWib(now).DateTime);

    public static DateTimeOffset StartOfDay(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A day mentioned without a time: noon WIB, so it stays on that date wherever it is shown.</summary>
    public static DateTimeOffset Noon(DateOnly d) => new(d.ToDateTime(new TimeOnly(12, 0)), Offset);

    public static string Date(DateTimeOffset t) => ToWib(t).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset t) => ToWib(t).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Rupiah(long amount) => "Rp " + amount.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');
}
