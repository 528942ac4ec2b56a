using System.Security.Cryptography;
using System.Text;

namespace PkhBot.Onboarding;

/// <summary>
/// Invite codes: 128 random bits from the OS generator, base64url (A-Z a-z 0-9 _ -: what a t.me ?start= payload
/// allows), 22 characters. Only the SHA-256 is stored, so a copy of the database hands out no working invite.
/// </summary>
public static class InviteCode
{
    public const int RandomBytes = 16;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    /// <summary>The deep-link payload rules (1-64 of A-Za-z0-9_-); anything else is wrong without a lookup.</summary>
    public static bool IsWellFormed(string? code)
        => code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
