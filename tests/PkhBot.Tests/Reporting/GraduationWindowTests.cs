using PkhBot.Reporting;

namespace PkhBot.Tests.Reporting;

public sealed class GraduationWindowTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public void The_window_is_the_last_months_in_WIB_including_the_current_one_and_ends_at_the_next_month()
    {
        // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 in WIB: January is the current month.
        var starts = GraduationCandidates.WindowMonthStarts(4, new DateTimeOffset(2025, 12, 31, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DateTimeOffset(2025, 10, 1, 0, 0, 0, Wib), new DateTimeOffset(2025, 11, 1, 0, 0, 0, Wib), new DateTimeOffset(2025, 12, 1, 0, 0, 0, Wib),
             new DateTimeOffset(2026, 1, 1, 0, 0, 0, Wib), new DateTimeOffset(2026, 2, 1, 0, 0, 0, Wib)],
            starts);
    }

    [Fact]
    public void A_one_month_window_is_the_current_month_only()
    {
        var starts = GraduationCandidates.WindowMonthStarts(1, new DateTimeOffset(2025, 11, 17, 8, 0, 0, Wib));

        Assert.Equal([new DateTimeOffset(2025, 11, 1, 0, 0, 0, Wib), new DateTimeOffset(2025, 12, 1, 0, 0, 0, Wib)], starts);
    }
}
