using PkhBot.Privacy;

namespace PkhBot.Tests.Privacy;

public sealed class MaskTests
{
    [Fact]
    public void Nik_shows_only_the_last_four_digits() => Assert.Equal("************7890", Mask.Nik("3522011234567890"));

    [Fact]
    public void Free_text_loses_nik_and_phone_numbers()
    {
        var masked = Mask.Text("NIK saya 3522011234567890, hp 0812-3456-7890 atau +6281234567890");
        Assert.DoesNotContain("3522011234567890", masked);
        Assert.DoesNotContain("0812-3456-7890", masked);
        Assert.DoesNotContain("81234567890", masked);
        Assert.Contains("7890", masked);
    }
}
