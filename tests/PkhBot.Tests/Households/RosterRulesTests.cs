using PkhBot.Households;

namespace PkhBot.Tests.Households;

public sealed class RosterRulesTests
{
    [Theory]
    [InlineData("3.52201E+15", "Excel", "Teks")]                 // a spreadsheet turned it into a number
    [InlineData("352201123456789", "terisi 15 angka", null)]
    [InlineData("35220112345678AB", "huruf", null)]
    [InlineData("", "NIK kosong", null)]
    public void A_refused_nik_says_what_to_fix_without_repeating_it(string nik, string says, string? alsoSays)
    {
        var reason = ImportTexts.BadNik(nik);

        Assert.Contains(says, reason);
        if (alsoSays is not null) Assert.Contains(alsoSays, reason);
        if (nik.Length > 4) Assert.DoesNotContain(nik[..6], reason);
    }

    [Theory]
    [InlineData("Kepoh Baru", "Kepohbaru")]
    [InlineData("Sumberejo", "Sumberrejo")]
    [InlineData("  kec. DANDER ", "Dander")]
    [InlineData("Kecamatan Bojonegoro", "bojonegoro")]
    [InlineData("Desa Tlogo-haji", "Tlogohaji")]
    public void Place_names_match_across_spelling_variants(string written, string official)
        => Assert.Equal(WilayahIndex.Key(official), WilayahIndex.Key(written));

    [Fact]
    public void Different_places_keep_different_keys()
        => Assert.NotEqual(WilayahIndex.Key("Kapas"), WilayahIndex.Key("Kasiman"));

    [Theory]
    [InlineData("aktif", HouseholdStatus.Aktif)]
    [InlineData("", HouseholdStatus.Aktif)]
    [InlineData("Graduasi Mandiri", HouseholdStatus.GraduasiMandiri)]
    [InlineData("graduasi-alamiah", HouseholdStatus.GraduasiAlamiah)]
    [InlineData("NONAKTIF", HouseholdStatus.Nonaktif)]
    [InlineData("pensiun", null)]
    public void Status_values_are_read_leniently_but_unknown_ones_are_refused(string text, HouseholdStatus? expected)
        => Assert.Equal(expected, RosterValidator.ParseStatus(text));

    [Theory]
    [InlineData("3522011234567890", true)]
    [InlineData("'3522011234567890", true)]
    [InlineData("3522 0112 3456 7890", true)]
    [InlineData("352201123456789", false)]
    [InlineData("35220112345678901", false)]
    [InlineData("3522011234S67890", false)]
    public void Nik_must_be_sixteen_digits(string nik, bool ok) => Assert.Equal(ok, RosterValidator.IsNik(RosterValidator.CleanNik(nik)));

    [Theory]
    [InlineData("Siti Ma'rufah", "siti marufah")]
    [InlineData("  Sri   Rahayu, S.Pd. ", "sri rahayu s pd")]
    [InlineData("Renée Sútrisno", "renee sutrisno")]
    [InlineData("Siti <Aminah> & _*[]", "siti aminah")]
    public void Search_names_are_lower_case_without_accents_or_punctuation(string name, string expected)
        => Assert.Equal(expected, NameSearch.Normalize(name));

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", true)]
    [InlineData("+62 812", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-2+3", true)]
    [InlineData("-", false)]
    [InlineData("- RT 02 RW 01", false)]
    [InlineData("- cmd|' /C calc'!A0", true)]
    [InlineData("-cmd|' /C calc'!A0", true)]
    [InlineData("- SUM(A1)", true)]
    [InlineData("Siti Aminah", false)]
    [InlineData("", false)]
    public void Formula_looking_cells_are_recognised(string text, bool suspicious) => Assert.Equal(suspicious, Spreadsheet.IsSuspiciousCell(text));

    [Fact]
    public void Exported_formulas_are_prefixed_with_an_apostrophe()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", Spreadsheet.Neutralize("=HYPERLINK(\"x\")"));
        Assert.Equal("Siti", Spreadsheet.Neutralize("Siti"));
    }

    [Fact]
    public void Header_names_tolerate_case_spaces_order_and_a_byte_order_mark()
    {
        var header = RosterColumns.Names.Reverse().Select(n => "  " + n.ToUpperInvariant() + " ").ToList();
        header[^1] = "\uFEFF" + header[^1];
        var map = RosterReader.MapHeader(header, out var error, []);
        Assert.Null(error);
        Assert.Equal(RosterColumns.Names.Length - 1, map![0]);
    }

    [Fact]
    public void A_missing_header_column_is_named()
    {
        var map = RosterReader.MapHeader(RosterColumns.Names.Where(n => n != "nik").ToList(), out var error, []);
        Assert.Null(map);
        Assert.Contains("nik", error);
    }

    [Theory]
    [InlineData(209)]
    [InlineData(55_028)]
    [InlineData(7)]
    public void Apportion_splits_exactly_proportionally_to_the_weights(int total)
    {
        int[] weights = [10, 25, 18, 5, 30];
        var parts = DemoSeeder.Apportion(total, weights, minimum: total >= 5 ? 1 : 0);
        Assert.Equal(total, parts.Sum());
        Assert.True(parts[4] >= parts[1] && parts[1] >= parts[2] && parts[2] >= parts[0] && parts[0] >= parts[3]);
    }
}
