using System.Text.RegularExpressions;

namespace PkhBot.Privacy;

/// <summary>
/// NIK and phone numbers are personal data under UU PDP: everything the bot prints or logs goes through here.
/// </summary>
public static partial class Mask
{
    /// <summary>"3522011234567890" -> "************7890".</summary>
    public static string Nik(string? nik)
    {
        if (string.IsNullOrEmpty(nik)) return "-";
        var digits = nik.Trim();
        return digits.Length <= 4 ? new string('*', digits.Length) : new string('*', digits.Length - 4) + digits[^4..];
    }

    /// <summary>"081234567890" -> "0812****7890".</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "-";
        var p = phone.Trim();
        if (p.Length <= 6) return new string('*', p.Length);
        return p[..4] + new string('*', p.Length - 8 > 0 ? p.Length - 8 : 2) + p[^4..];
    }

    /// <summary>Masks NIK-like (16 digits, grouped or not) and phone-like numbers inside free text, e.g. before it leaves the process.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return PhonePattern().Replace(Niks(text), m => Phone(m.Value));
    }

    /// <summary>
    /// Masks every NIK in free text: 16 digits written together or in groups split by spaces, dots or dashes
    /// ("3522 0155 0887 0001", "35.22.01.550887.0001"). What the channels apply to a message before it is stored anywhere.
    /// </summary>
    public static string Niks(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var masked = NikPattern().Replace(text, m => Nik(m.Value));
        return GroupedDigits().Replace(masked, m => MaskGroupedNik(m.Value));
    }

    /// <summary>
    /// Within a run of digit groups, consecutive groups that hold exactly 16 digits in one of the ways a NIK is
    /// written (4-4-4-4, 6-6-4, 2-2-2-6-4, 6-10, 2-2-2-10) are a NIK; other splits (an ID KPM followed by a date,
    /// "3522011235 2025-11") are not.
    /// </summary>
    private static string MaskGroupedNik(string run)
    {
        var groups = DigitGroup().Matches(run);
        var chars = run.ToCharArray();
        var changed = false;
        for (var i = 0; i < groups.Count; i++)
        {
            var digits = 0;
            for (var j = i; j < groups.Count && digits < 16; j++)
            {
                digits += groups[j].Length;
                if (digits != 16 || !IsNikShape(groups, i, j)) continue;
                // Every digit but the last four becomes '*', the separators stay (the text keeps its shape).
                var keep = 4;
                for (var k = groups[j].Index + groups[j].Length - 1; k >= groups[i].Index; k--)
                {
                    if (!char.IsAsciiDigit(chars[k])) continue;
                    if (keep > 0) keep--;
                    else chars[k] = '*';
                }
                changed = true;
            }
        }
        return changed ? new string(chars) : run;
    }

    private static readonly int[][] NikShapes = [[4, 4, 4, 4], [6, 6, 4], [2, 2, 2, 6, 4], [6, 10], [2, 2, 2, 10]];

    private static bool IsNikShape(MatchCollection groups, int first, int last)
    {
        var n = last - first + 1;
        foreach (var shape in NikShapes)
        {
            if (shape.Length != n) continue;
            var same = true;
            for (var g = 0; g < n && same; g++) same = groups[first + g].Length == shape[g];
            if (same) return true;
        }
        return false;
    }

    // 16 digits written together; grouped ones are found by shape (MaskGroupedNik).
    [GeneratedRegex(@"(?<![\d*])\d{16}(?!\d)")]
    private static partial Regex NikPattern();

    // Digit groups joined by one space, dot or dash each: "3522 0155 0887 0001", "35.22.01.550887.0001".
    [GeneratedRegex(@"(?<![\d*])\d+(?:[ .\-]\d+)+(?!\d)")]
    private static partial Regex GroupedDigits();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitGroup();

    // Indonesian mobiles: 08xx / +628xx / 628xx, 10-13 digits, optionally with spaces or dashes.
    [GeneratedRegex(@"(?<![\d*])(?:\+?62|0)8[\d\- ]{7,14}\d(?!\d)")]
    private static partial Regex PhonePattern();
}
