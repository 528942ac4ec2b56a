using PkhBot.Households;

namespace PkhBot.Tests.Households;

public sealed class NameSearchTests
{
    [Theory]
    [InlineData("  Siti  Aminah ", "siti aminah")]
    [InlineData("SITI AMINAH, S.Pd.", "siti aminah s pd")]
    [InlineData("Ma'ruf Amin", "maruf amin")]
    [InlineData("Siti <Aminah> & _*[]", "siti aminah")]
    [InlineData("Sïtì Àminah", "siti aminah")]
    public void Names_are_normalised_for_search(string raw, string expected) => Assert.Equal(expected, NameSearch.Normalize(raw));

    [Theory]
    [InlineData("siti aminah")]
    [InlineData("Siti Aminah")]
    [InlineData("aminah")]
    [InlineData("siti aminnah")]
    [InlineData("siti amniah")]
    [InlineData("aminah siti")]
    public void Spelling_variants_match(string query)
        => Assert.True(NameSearch.Score(NameSearch.Normalize(query), "siti aminah") >= HouseholdSearch.MinScore);

    [Theory]
    [InlineData("sumarni")]
    [InlineData("siti rahayu")]
    public void Other_names_do_not_match(string query)
        => Assert.True(NameSearch.Score(NameSearch.Normalize(query), "siti aminah") < HouseholdSearch.MinScore);
}
