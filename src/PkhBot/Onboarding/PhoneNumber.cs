namespace PkhBot.Onboarding;

/// <summary>Indonesian mobile numbers compared in one form: "+62 812-3456-7890", "6281234567890" and "081234567890" are equal.</summary>
public static class PhoneNumber
{
    public static string Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("62", StringComparison.Ordinal)) return "0" + digits[2..];
        if (digits.StartsWith('8')) return "0" + digits;
        return digits;
    }

    public static bool SameNumber(string? a, string? b)
    {
        var x = Normalize(a);
        return x.Length >= 8 && x == Normalize(b);
    }
}
