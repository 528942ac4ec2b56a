using PkhBot.Ai;

namespace PkhBot.Tests.Ai;

public sealed class PlaceholdersTests
{
    [Fact]
    public void Names_ids_and_addresses_go_out_as_placeholders_and_come_back()
    {
        var p = new Placeholders();
        var hidden = p.Hide("Bu Siti Aminah di Jl. Veteran No. 12 RT 02 RW 03, ID KPM 3522011234, omzet 1.500.000");

        Assert.DoesNotContain("Siti", hidden);
        Assert.DoesNotContain("Veteran", hidden);
        Assert.DoesNotContain("RT 02", hidden);
        Assert.DoesNotContain("3522011234", hidden);
        Assert.Contains("Bu [NAMA1]", hidden);
        Assert.Contains("1.500.000", hidden);   // an amount is not an ID
        Assert.Equal("Bu Siti Aminah sudah buka warung (3522011234)", p.Restore("Bu [NAMA1] sudah buka warung ([ID1])"));
    }

    [Fact]
    public void Known_names_are_hidden_without_a_title_and_in_any_case()
    {
        var p = new Placeholders();
        var hidden = p.Hide("siti aminah sudah posyandu", ["Siti Aminah"]);
        Assert.Equal("[NAMA1] sudah posyandu", hidden);
        Assert.Equal("siti aminah", p.Reveal("[NAMA1]"));   // as it was written
        Assert.Equal("3522011234", p.Reveal("3522011234"));   // not a placeholder: as given
    }

    [Fact]
    public void A_nik_and_a_phone_are_masked_and_never_come_back()
    {
        var p = new Placeholders();
        var hidden = p.Hide("NIK 3522015508870001 hp 081234567890");
        Assert.DoesNotContain("3522015508870001", p.Restore(hidden));
        Assert.DoesNotContain("081234567890", p.Restore(hidden));
    }
}
