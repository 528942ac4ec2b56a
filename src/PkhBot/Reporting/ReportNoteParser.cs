using System.Globalization;
using System.Text.RegularExpressions;

namespace PkhBot.Reporting;

/// <summary>
/// Pulls structured values out of a pendamping's note, offline and deterministic. Decisions (documented here
/// because they shape graduation candidates):
/// <list type="bullet">
/// <item>Money: "1,5jt", "1.5 jt", "1,5 juta", "Rp 1.500.000", "Rp1.500.000,-", "800rb", "800 ribu", "150k", "1.500.000".
///   A bare number counts only right after a money word (omzet, penghasilan...) and when at least 1.000.</item>
/// <item>Income is monthly. A figure per day ("50rb/hari", "sehari 50rb") is x26 (six trading days a week: a
///   conservative month, since it feeds graduation); per week x4; per year /12. No period written = per month.</item>
/// <item>The income is the amount after an income word (omzet, penghasilan, pendapatan, gaji, untung...); else the
///   first amount not tied to capital, debt or aid (modal, utang, pinjaman, cicilan, bantuan, PKH).</item>
/// <item>Dates are WIB. "hari ini"/"tadi" = the received time; "kemarin" = yesterday; "Senin" = the most recent Monday
///   (today if today is Monday); "Senin lalu" = the most recent Monday before today; "minggu lalu" = 7 days ago;
///   "12/11" = 12 November of this year, or last year if that is still ahead; "tgl 5" = the 5th of this month, or
///   of last month if still ahead. A named past day without a time is noon WIB. A date in the future is ignored.</item>
/// <item>Deadlines ("7 hari", "2 minggu", "1 bulan" = 30 days) never count when followed by "lalu" or preceded by
///   "sudah/selama/sejak".</item>
/// </list>
/// </summary>
public static partial class ReportNoteParser
{
    public const int DaysPerMonthOfTrading = 26;

    public static ParsedNote Parse(string note, DateTimeOffset receivedAt, ReportCategory? category = null)
    {
        var text = (note ?? "").ToLowerInvariant();
        var (eventAt, phrase) = ParseDate(text, receivedAt);
        var (income, period, amounts) = ParseMoney(text);
        return new ParsedNote(eventAt, phrase, income, period, amounts,
            ParseAttendance(text, category), ParseFollowUpDays(text), ParseBusinessMonths(text));
    }

    // ---------------- money ----------------

    [GeneratedRegex(@"(?<![\d.,/:-])(?<rp>rp\.?\s*)?(?<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?)\s*(?<unit>juta|jta|jt|ribu|rbu|rb|k)?(?![a-z0-9%])", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(omzet|omset|penghasilan|pendapatan|gaji|untung|keuntungan|laba|income|upah|hasil|dapat|jualan|penjualan)\W*(\w+\W+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IncomeWordBefore();

    [GeneratedRegex(@"(modal|utang|hutang|pinjam|pinjaman|cicil|cicilan|kredit|bantuan|pkh|bpnt|blt|tunggakan|tagihan|biaya)\W*(\w+\W+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex NonIncomeWordBefore();

    [GeneratedRegex(@"^\W*(\w+\W+){0,1}(bantuan|pkh|bpnt|blt|modal|pinjaman|utang|hutang|cicilan|tunggakan)", RegexOptions.CultureInvariant)]
    private static partial Regex NonIncomeWordAfter();

    [GeneratedRegex(@"^\s*(?:/\s*|per\s*|se|tiap\s*|setiap\s*)(?<p>hari|hr|minggu|mgg|mg|bulan|bln|bl|tahun|thn|th)\b|^\s*(?<p>harian|mingguan|bulanan|tahunan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodAfter();

    [GeneratedRegex(@"(?<p>sehari|perhari|per hari|tiap hari|setiap hari|seminggu|per minggu|sebulan|per bulan|setahun|per tahun)\W*(\w+\W+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodBefore();

    public static bool TryParseMoney(string text, out long rupiah)
    {
        var (_, _, amounts) = ParseMoney(text.ToLowerInvariant(), bareAllowed: true);
        rupiah = amounts.FirstOrDefault();
        return amounts.Count > 0;
    }

    private static (long? Income, string? Period, IReadOnlyList<long> Amounts) ParseMoney(string text, bool bareAllowed = false)
    {
        var amounts = new List<long>();
        long? income = null, fallback = null;
        string? incomePeriod = null, fallbackPeriod = null;
        foreach (Match m in MoneyPattern().Matches(text))
        {
            var before = text[..m.Index];
            var hasRp = m.Groups["rp"].Success;
            var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : "";
            var num = m.Groups["num"].Value;
            var grouped = num.Length > 4 && (GroupedDots().IsMatch(num) || GroupedCommas().IsMatch(num));
            var incomeWord = IncomeWordBefore().IsMatch(before);
            if (!hasRp && unit.Length == 0 && !grouped && !incomeWord && !bareAllowed) continue;
            if (!TryValue(num, unit, out var value) || value < 1000) continue;
            amounts.Add(value);

            var period = PeriodOf(text[(m.Index + m.Length)..], before);
            var monthly = period switch
            {
                "hari" => value * DaysPerMonthOfTrading,
                "minggu" => value * 4,
                "tahun" => value / 12,
                _ => value,
            };
            if (incomeWord && income is null) { income = monthly; incomePeriod = period; }
            else if (fallback is null && !NonIncomeWordBefore().IsMatch(before) && !NonIncomeWordAfter().IsMatch(text[(m.Index + m.Length)..]))
            {
                fallback = monthly;
                fallbackPeriod = period;
            }
        }
        return income is not null ? (income, incomePeriod, amounts) : (fallback, fallback is null ? null : fallbackPeriod, amounts);
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex GroupedDots();

    [GeneratedRegex(@"^\d{1,3}(,\d{3}){2,}$")]
    private static partial Regex GroupedCommas();

    private static bool TryValue(string num, string unit, out long value)
    {
        value = 0;
        var multiplier = unit switch
        {
            "juta" or "jta" or "jt" => 1_000_000m,
            "ribu" or "rbu" or "rb" or "k" => 1_000m,
            _ => 1m,
        };
        decimal n;
        if (GroupedDots().IsMatch(num)) n = decimal.Parse(num.Replace(".", ""), CultureInfo.InvariantCulture);
        else if (GroupedCommas().IsMatch(num)) n = decimal.Parse(num.Replace(",", ""), CultureInfo.InvariantCulture);
        else if (!decimal.TryParse(num.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out n)) return false;
        var v = n * multiplier;
        if (v > 10_000_000_000m) return false;
        value = (long)Math.Round(v);
        return true;
    }

    private static string PeriodOf(string after, string before)
    {
        var m = PeriodAfter().Match(after);
        var p = m.Success ? m.Groups["p"].Value : null;
        if (p is null)
        {
            var b = PeriodBefore().Match(before);
            if (b.Success) p = b.Groups["p"].Value;
        }
        if (p is null) return "bulan";
        if (p.Contains("har") || p == "hr") return "hari";
        if (p.Contains("ming") || p is "mgg" or "mg") return "minggu";
        if (p.Contains("tahun") || p is "thn" or "th") return "tahun";
        return "bulan";
    }

    // ---------------- attendance ----------------

    [GeneratedRegex(@"(?<n>\d{1,3})(?:[.,]\d+)?\s*(?:%|persen|prosen)", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(hadir|kehadiran|masuk|absensi|presensi|absen)\W*(\w+\W+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttendanceWordBefore();

    private static int? ParseAttendance(string text, ReportCategory? category)
    {
        int? first = null;
        foreach (Match m in PercentPattern().Matches(text))
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n > 100) continue;
            if (AttendanceWordBefore().IsMatch(text[..m.Index])) return n;
            first ??= n;
        }
        return category == ReportCategory.Pendidikan ? first : null;
    }

    // ---------------- durations ----------------

    [GeneratedRegex(@"(?<![\d.,/])\b(?<n>\d{1,3}|se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*(?<u>hari|hr|minggu|mgg|pekan|bulan|bln)\b(?!\s*(?:yang\s+|yg\s+)?(?:lalu|lalu,|kemarin|kmrn|yl|silam))", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(sudah|udah|dah|selama|sejak|hampir|lebih)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ElapsedWordBefore();

    [GeneratedRegex(@"(dalam|tenggat|target|maks|maksimal|paling\s+lambat|batas|deadline|waktu)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DeadlineWordBefore();

    private static int? ParseFollowUpDays(string text)
    {
        int? first = null;
        foreach (Match m in DurationPattern().Matches(text))
        {
            var before = text[..m.Index];
            if (ElapsedWordBefore().IsMatch(before)) continue;
            var days = ToDays(m.Groups["n"].Value, m.Groups["u"].Value);
            if (days is null or < 1 or > 366) continue;
            if (DeadlineWordBefore().IsMatch(before)) return days;
            first ??= days;
        }
        return first;
    }

    [GeneratedRegex(@"(sudah|udah|dah|berjalan|jalan|selama|berdiri)\s*(?:sekitar\s*|kurang\s+lebih\s*|lebih\s*(?:dari\s*)?)?(?<n>\d{1,3}|se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*(?<u>bulan|bln|tahun|thn|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BusinessAgePattern();

    private static int? ParseBusinessMonths(string text)
    {
        var m = BusinessAgePattern().Match(text);
        if (!m.Success) return null;
        var n = NumberWord(m.Groups["n"].Value);
        if (n is null) return null;
        return m.Groups["u"].Value.StartsWith('b') ? n : n * 12;
    }

    private static int? ToDays(string n, string unit)
    {
        var k = NumberWord(n);
        if (k is null) return null;
        return unit switch
        {
            "minggu" or "mgg" or "pekan" => k * 7,
            "bulan" or "bln" => k * 30,
            _ => k,
        };
    }

    internal static int? NumberWord(string s) => s switch
    {
        "se" or "satu" => 1,
        "dua" => 2,
        "tiga" => 3,
        "empat" => 4,
        "lima" => 5,
        "enam" => 6,
        "tujuh" => 7,
        "delapan" => 8,
        "sembilan" => 9,
        "sepuluh" => 10,
        _ => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    // ---------------- dates ----------------

    [GeneratedRegex(@"\b(?:(?<rel>kemarin\s+lusa|kemarin|kemaren|kmrn|kmarin|kmren|tadi|td|barusan|hari\s+ini|hr\s+ini|pagi\s+ini|siang\s+ini|sore\s+ini)|(?<ago>\d{1,3}|se|satu|dua|tiga|empat|lima|enam|tujuh)\s*(?<agou>hari|hr|minggu|mgg|pekan|bulan|bln)\s*(?:yang\s+|yg\s+)?(?:lalu|kemarin|yl|silam)|(?<lw>minggu|pekan)\s+(?:lalu|kemarin|kmrn)|(?:hari\s+)?(?<wd>senin|selasa|rabu|kamis|jumat|jum'at|jumaat|sabtu|minggu|ahad)\b(?<wdl>\s+(?:lalu|kemarin|kmrn|kemaren))?|(?:tgl|tanggal)\.?\s*(?<tgl>\d{1,2})(?![\d/.-])|(?<d>\d{1,2})\s*[/-]\s*(?<m>\d{1,2})(?:\s*[/-]\s*(?<y>\d{4}|\d{2}))?(?![\d%]|\s*[/-]?\s*\d)|(?<md>\d{1,2})\s+(?<mn>januari|jan|februari|feb|pebruari|maret|mar|april|apr|mei|juni|jun|juli|jul|agustus|agu|agt|ags|september|sept|sep|oktober|okt|november|nov|nop|desember|des)\b(?:\s+(?<my>\d{4}))?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    private static (DateTimeOffset, string?) ParseDate(string text, DateTimeOffset receivedAt)
    {
        var today = Wib.Today(receivedAt);
        foreach (Match m in DatePattern().Matches(text))
        {
            var day = Resolve(m, today, text);
            if (day is null) continue;
            if (day > today) continue;
            var at = day == today ? receivedAt : Wib.Noon(day.Value);
            return (at, m.Value.Trim());
        }
        return (receivedAt, null);
    }

    private static DateOnly? Resolve(Match m, DateOnly today, string text)
    {
        if (m.Groups["rel"].Success)
        {
            var rel = m.Groups["rel"].Value;
            if (rel.StartsWith("kemarin ", StringComparison.Ordinal)) return today.AddDays(-2);
            if (rel.StartsWith('k')) return today.AddDays(-1);
            return today;
        }
        if (m.Groups["ago"].Success)
        {
            var n = NumberWord(m.Groups["ago"].Value);
            if (n is null) return null;
            var u = m.Groups["agou"].Value;
            return u is "minggu" or "mgg" or "pekan" ? today.AddDays(-7 * n.Value)
                : u is "bulan" or "bln" ? today.AddMonths(-n.Value)
                : today.AddDays(-n.Value);
        }
        if (m.Groups["lw"].Success) return today.AddDays(-7);
        if (m.Groups["wd"].Success)
        {
            var wd = m.Groups["wd"].Value;
            // "2 minggu" (weeks), "minggu depan", "minggu ini": not Sunday.
            if (wd == "minggu" && !m.Value.StartsWith("hari", StringComparison.Ordinal))
            {
                var before = text[..m.Index].TrimEnd();
                var after = text[(m.Index + m.Length)..].TrimStart();
                if (before.Length > 0 && (char.IsDigit(before[^1]) || before.EndsWith("se", StringComparison.Ordinal))) return null;
                if (after.StartsWith("depan", StringComparison.Ordinal) || after.StartsWith("ini", StringComparison.Ordinal)) return null;
            }
            var target = wd switch
            {
                "senin" => DayOfWeek.Monday,
                "selasa" => DayOfWeek.Tuesday,
                "rabu" => DayOfWeek.Wednesday,
                "kamis" => DayOfWeek.Thursday,
                "jumat" or "jum'at" or "jumaat" => DayOfWeek.Friday,
                "sabtu" => DayOfWeek.Saturday,
                _ => DayOfWeek.Sunday,
            };
            var back = ((int)today.DayOfWeek - (int)target + 7) % 7;
            if (back == 0 && m.Groups["wdl"].Success) back = 7;
            return today.AddDays(-back);
        }
        if (m.Groups["tgl"].Success)
        {
            var d = int.Parse(m.Groups["tgl"].Value, CultureInfo.InvariantCulture);
            if (d is < 1 or > 31) return null;
            var candidate = SafeDate(today.Year, today.Month, d);
            if (candidate is null || candidate > today)
            {
                var prev = today.AddMonths(-1);
                candidate = SafeDate(prev.Year, prev.Month, d);
            }
            return candidate;
        }
        if (m.Groups["d"].Success)
        {
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["y"].Success)
            {
                var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (y < 100) y += 2000;
                return SafeDate(y, mo, d);
            }
            var c = SafeDate(today.Year, mo, d);
            return c is not null && c > today ? SafeDate(today.Year - 1, mo, d) : c;
        }
        if (m.Groups["md"].Success)
        {
            var d = int.Parse(m.Groups["md"].Value, CultureInfo.InvariantCulture);
            var mo = MonthNumber(m.Groups["mn"].Value);
            if (m.Groups["my"].Success) return SafeDate(int.Parse(m.Groups["my"].Value, CultureInfo.InvariantCulture), mo, d);
            var c = SafeDate(today.Year, mo, d);
            return c is not null && c > today ? SafeDate(today.Year - 1, mo, d) : c;
        }
        return null;
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" or "peb" => 2,
        "mar" => 3,
        "apr" => 4,
        "mei" => 5,
        "jun" => 6,
        "jul" => 7,
        "agu" or "agt" or "ags" => 8,
        "sep" => 9,
        "okt" => 10,
        "nov" or "nop" => 11,
        _ => 12,
    };

    private static DateOnly? SafeDate(int y, int m, int d)
        => m is >= 1 and <= 12 && d >= 1 && y is > 2000 and < 2100 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
