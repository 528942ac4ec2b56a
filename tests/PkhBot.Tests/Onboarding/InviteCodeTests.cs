using PkhBot.Onboarding;

namespace PkhBot.Tests.Onboarding;

public sealed class InviteCodeTests
{
    [Fact]
    public void Codes_carry_128_random_bits_in_a_deep_link_safe_alphabet()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => InviteCode.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Za-z0-9_-]{22}$", c));
        Assert.All(codes.Take(100), c => Assert.Equal(16, Convert.FromBase64String(c.Replace('-', '+').Replace('_', '/') + "==").Length));
        // Every position varies: no fixed prefix or counter hides inside the code.
        for (var i = 0; i < 21; i++) Assert.True(codes.Select(c => c[i]).Distinct().Count() > 50, $"position {i}");
    }

    [Fact]
    public void Only_a_sha256_of_the_code_is_stored()
    {
        var code = InviteCode.New();
        var hash = InviteCode.Hash(code);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(code, hash);
        Assert.Equal(hash, InviteCode.Hash(code));
        Assert.NotEqual(hash, InviteCode.Hash(InviteCode.New()));
    }

    [Theory]
    [InlineData("abcDEF123_-", true)]
    [InlineData("", false)]
    [InlineData("kode dengan spasi", false)]
    [InlineData("'; DROP TABLE Invites;--", false)]
    [InlineData("kodé", false)]
    public void Only_deep_link_payloads_are_looked_up(string code, bool ok) => Assert.Equal(ok, InviteCode.IsWellFormed(code));

    [Fact]
    public void A_payload_longer_than_64_characters_is_refused() => Assert.False(InviteCode.IsWellFormed(new string('a', 65)));

    [Theory]
    [InlineData("+62 812-3456-7890", "081234567890")]
    [InlineData("6281234567890", "081234567890")]
    [InlineData("081234567890", "081234567890")]
    [InlineData("81234567890", "081234567890")]
    public void Phone_numbers_compare_in_one_form(string phone, string normal) => Assert.Equal(normal, PhoneNumber.Normalize(phone));

    [Fact]
    public void Different_or_empty_phone_numbers_never_match()
    {
        Assert.False(PhoneNumber.SameNumber("081234567890", "081234567891"));
        Assert.False(PhoneNumber.SameNumber("", ""));
    }
}
