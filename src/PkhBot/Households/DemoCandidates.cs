using System.Globalization;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>
/// The demo's graduation candidates: so that /kandidat, /graduasi and /ppse have someone to show for every
/// pendamping, one of each pendamping's active households has a business running long enough (rule 2, one
/// report), and with a full caseload a second one reports an income at or above the threshold in as many recent
/// months as rule 1 asks (<see cref="GraduationRulesOptions"/>). Uses no random numbers, so the rest of the demo
/// data stays exactly as it was.
/// </summary>
internal static class DemoCandidates
{
    /// <summary>Active households a pendamping needs for a second candidate: a small demo seed keeps to one each.</summary>
    public const int SecondFrom = 100;

    private static readonly string[] Businesses = ["warung kelontong", "jahit rumahan", "ternak kambing", "gorengan", "kue basah", "toko pulsa"];
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The reports that make the <paramref name="n"/>-th candidate of a pendamping (0-based, <paramref name="serial"/> picks the business) meet a rule at <paramref name="now"/>.</summary>
    public static List<ProgressReport> Reports(int n, int serial, GraduationRulesOptions rules, DateTimeOffset now)
    {
        var business = Businesses[serial % Businesses.Length];
        var income = (rules.IncomeThresholdRupiah + 99_999) / 100_000 * 100_000 + 100_000 * (serial % 5);
        if (n == 0)
        {
            var months = rules.BusinessMonths + 6 + serial % 12;
            var at = now.AddDays(-3 - serial % 20);
            return
            [
                new ProgressReport
                {
                    EventAt = at, ReceivedAt = at, Category = ReportCategory.Usaha, IncomeRupiah = income,
                    Note = $"Usaha {business} sudah berjalan {months} bulan, penghasilan sekitar Rp{income.ToString("N0", Id)} sebulan.",
                    ValuesJson = $"{{\"businessMonths\":{months}}}",
                },
            ];
        }
        // The window's month starts, oldest first, then the next month's: [^2] is the current month.
        var starts = GraduationCandidates.WindowMonthStarts(rules.MonthsWindow, now);
        var list = new List<ProgressReport>();
        for (var m = 0; m < Math.Min(rules.MonthsRequired, rules.MonthsWindow); m++)
        {
            var start = starts[^(2 + m)];
            var at = m == 0 ? Max(start, now.AddHours(-2 - serial % 24)) : start.AddDays(9 + serial % 10);
            var monthly = income + 100_000 * m;
            list.Add(new ProgressReport
            {
                EventAt = at, ReceivedAt = at, Category = ReportCategory.Usaha, IncomeRupiah = monthly,
                Note = $"Usaha {business} lancar, penghasilan bersih sekitar Rp{monthly.ToString("N0", Id)} sebulan.",
            });
        }
        return list;
    }

    /// <summary>A demo mandiri graduation has the photo of its signed statement two times in three; a file id is all the bot keeps.</summary>
    public static string? StatementFileId(GraduationType type, string idKpm, int serial)
        => type == GraduationType.Mandiri && serial % 3 != 0 ? $"demo-surat-{idKpm}" : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
