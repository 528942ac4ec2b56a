using System.Globalization;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>
/// The demo's graduation candidates: so that /kandidat, /graduasi and /ppse have someone to show for every
/// pendamping, a few of each pendamping's active households report an income at or above the graduation rule's
/// threshold in as many recent months as the rule asks (<see cref="GraduationRulesOptions"/>). Uses no random
/// numbers, so the rest of the demo data stays exactly as it was.
/// </summary>
internal static class DemoCandidates
{
    public const int PerPendamping = 2;

    private static readonly string[] Businesses = ["warung kelontong", "jahit rumahan", "ternak kambing", "gorengan", "kue basah", "toko pulsa"];

    /// <summary>The income reports that make the <paramref name="n"/>-th candidate of a pendamping (0-based) meet rule 1 at <paramref name="now"/>.</summary>
    public static List<ProgressReport> Reports(int n, GraduationRulesOptions rules, DateTimeOffset now)
    {
        // The window's month starts, oldest first, then the next month's: [^2] is the current month.
        var starts = GraduationCandidates.WindowMonthStarts(rules.MonthsWindow, now);
        var business = Businesses[n % Businesses.Length];
        var list = new List<ProgressReport>();
        for (var m = 0; m < Math.Min(rules.MonthsRequired, rules.MonthsWindow); m++)
        {
            var start = starts[^(2 + m)];
            var at = m == 0 ? Max(start, now.AddHours(-2 - n)) : start.AddDays(9 + n);
            var income = (rules.IncomeThresholdRupiah + 99_999) / 100_000 * 100_000 + 100_000 * (m + n);
            list.Add(new ProgressReport
            {
                EventAt = at, ReceivedAt = at, Category = ReportCategory.Usaha, IncomeRupiah = income,
                Note = $"Usaha {business} lancar, penghasilan bersih sekitar Rp{income.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))} sebulan.",
            });
        }
        return list;
    }

    /// <summary>A demo mandiri graduation has the photo of its signed statement two times in three; a file id is all the bot keeps.</summary>
    public static string? StatementFileId(GraduationType type, string idKpm, int serial)
        => type == GraduationType.Mandiri && serial % 3 != 0 ? $"demo-surat-{idKpm}" : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
