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
        var masked = NikPattern().Replace(text, m => Nik(m.Value));
        return PhonePattern().Replace(masked, m => Phone(m.Value));
    }

    // 16 digits, also written in groups ("3522 0144 0485 0002", "35.22.01.440485.0002", "352201-440485-0002"); a
    // grouped one must not run on into more groups of digits (two ID KPM and a date are not a NIK).
    [GeneratedRegex(@"(?<![\d*])\d{16}(?!\d)|(?<![\d*][ .\-]?)\d(?:[ .\-]?\d){15}(?![ .\-]?\d)")]
    private static partial Regex NikPattern();

    // Indonesian mobiles: 08xx / +628xx / 628xx, 10-13 digits, optionally with spaces or dashes.
    [GeneratedRegex(@"(?<![\d*])(?:\+?62|0)8[\d\- ]{7,14}\d(?!\d)")]
    private static partial Regex PhonePattern();
}
