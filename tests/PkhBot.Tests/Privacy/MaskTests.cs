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

    [Theory]
    [InlineData("NIK 3522 0144 0485 0002 ya")]
    [InlineData("NIK 35.22.01.440485.0002 ya")]
    [InlineData("NIK 352201-440485-0002 ya")]
    public void A_nik_written_in_groups_is_masked_too(string text)
    {
        var masked = Mask.Text(text);
        Assert.DoesNotContain("0144", masked);
        Assert.DoesNotContain("440485", masked);
        Assert.EndsWith("0002 ya", masked);
    }

    [Fact]
    public void Two_id_kpm_and_a_date_are_not_taken_for_a_nik()
        => Assert.Equal("3522011234 3522011235 2025-11-17 08.00", Mask.Text("3522011234 3522011235 2025-11-17 08.00"));

    [Theory]
    [InlineData("NIK 3522 0155 0887 0001 ya", "NIK **** **** **** 0001 ya")]
    [InlineData("nik: 35.22.01.550887.0001.", "nik: **.**.**.******.0001.")]
    [InlineData("3522-0155-0887-0001", "****-****-****-0001")]
    [InlineData("352201 550887 0001", "****** ****** 0001")]
    [InlineData("ID 3522011234 dan 12 3522 0155 0887 0001", "ID 3522011234 dan 12 **** **** **** 0001")]
    public void A_nik_written_in_groups_is_masked_keeping_its_shape(string text, string masked) => Assert.Equal(masked, Mask.Niks(text));

    [Theory]
    [InlineData("omzet 1.500.000 sebulan, 2 anak")]
    [InlineData("/lapor 3522011234 usaha omzet 2,5 jt")]
    [InlineData("RT 02 RW 03, tgl 12-11-2025")]
    public void Amounts_ids_and_dates_are_not_a_nik(string text) => Assert.Equal(text, Mask.Niks(text));
}
