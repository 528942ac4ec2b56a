namespace PkhBot.Reporting;

/// <summary>What <see cref="ReportNoteParser"/> understood from a free-form note.</summary>
/// <param name="EventAt">When it happened: the received time unless the note names a day.</param>
/// <param name="DatePhrase">The words that set <paramref name="EventAt"/> ("kemarin", "12/11"), or null.</param>
/// <param name="IncomeRupiah">Monthly income or turnover, converted from a daily/weekly/yearly figure when so written.</param>
/// <param name="IncomePeriod">"bulan", "hari", "minggu" or "tahun": how the figure was written.</param>
/// <param name="Amounts">Every rupiah amount found, as written (not converted).</param>
/// <param name="AttendancePercent">School attendance, 0..100.</param>
/// <param name="FollowUpDays">A deadline such as "7 hari" or "2 minggu", in days.</param>
/// <param name="BusinessMonths">How long a business has been running ("sudah 6 bulan", "jalan 1 tahun").</param>
public sealed record ParsedNote(
    DateTimeOffset EventAt,
    string? DatePhrase,
    long? IncomeRupiah,
    string? IncomePeriod,
    IReadOnlyList<long> Amounts,
    int? AttendancePercent,
    int? FollowUpDays,
    int? BusinessMonths)
{
    public bool HasValues => IncomeRupiah is not null || AttendancePercent is not null || Amounts.Count > 0;
}
