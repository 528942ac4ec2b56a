using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

public sealed class KnowledgeContentTests
{
    private static readonly Lazy<KnowledgeContent> Content = new(() => KnowledgeContent.Load(KnowledgeContent.DefaultPath));

    [Fact]
    public void The_FAQ_has_at_least_80_pairs_each_pointing_at_a_real_document_section()
    {
        Assert.True(Content.Value.Faq.Count >= 80, $"{Content.Value.Faq.Count} pairs");
        Assert.All(Content.Value.Faq, f =>
        {
            Assert.NotEmpty(f.Answer);
            Assert.True(f.Answer.Length <= 300, $"FAQ #{f.Number} is too long for a phone screen");
            Assert.Contains(Content.Value.Document(f.DocId).Sections, s => s.Heading == f.Section);
        });
    }

    [Fact]
    public void Every_document_states_its_sources_by_names_people_know_and_the_year_it_applies_to()
    {
        Assert.True(Content.Value.Documents.Count >= 9);
        Assert.All(Content.Value.Documents, d =>
        {
            // sources.tsv turns the fact sheet's codes (S1, S25b) into "Kemensos via Tribunnews, 2022".
            Assert.Matches(@"[A-Za-z]{3,}", d.Sources);
            Assert.DoesNotMatch(@"\bS\d+[a-z]?\b", d.Sources);
            Assert.All(d.Sections.Where(s => s.Sources is not null), s => Assert.DoesNotMatch(@"\bS\d+[a-z]?\b", s.Sources!));
            Assert.Matches(@"20\d\d", d.Year);
            Assert.NotEmpty(d.Sections);
        });
    }

    [Fact]
    public void Uncertain_facts_are_hedged_in_the_content()
    {
        var all = string.Join("\n", Content.Value.Documents.SelectMany(d => d.Sections).Select(s => s.Text));
        // [C] facts from pkh-facts.md: lansia age, sanctions, PENA amounts, the 5-year cap.
        foreach (var section in new[] { "Batas usia lansia", "Sanksi", "PENA", "Batas waktu kepesertaan" })
        {
            var text = Content.Value.Documents.SelectMany(d => d.Sections).Single(s => s.Heading == section).Text;
            Assert.Contains("belum pasti", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("tanya pendamping", all);
    }

    [Fact]
    public void Bojonegoro_APBD_programmes_are_kept_apart_from_Kemensos_PKH()
    {
        var section = Content.Value.Document("bojonegoro").Sections.Single(s => s.Heading == "Bantuan daerah APBD Bojonegoro");
        Assert.Contains("BUKAN PKH Kemensos", section.Text);
        var kemensosDocs = Content.Value.Documents.Where(d => d.Id != "bojonegoro").SelectMany(d => d.Sections);
        Assert.DoesNotContain(kemensosDocs, s => s.Text.Contains("Damisda") || s.Text.Contains("Inklusif Produktif"));
    }

    [Theory]
    [InlineData("bantuannya", "bantuan")]
    [InlineData("anakku sekolahe SMP", "smp")]
    [InlineData("simbah", "lansia")]
    [InlineData("bumil", "hamil")]
    [InlineData("kapan cairnya", "jadwal")]
    [InlineData("pendampinge", "pendamping")]
    [InlineData("disabilitass", "disabilitas")]
    public void Informal_Javanese_and_misspelled_words_reach_the_index_terms(string text, string canonicalWord)
    {
        var index = KnowledgeIndex.Load(KnowledgeContent.DefaultPath);
        var stem = index.Analyze(canonicalWord).Single();   // e.g. "bantuan" -> "bantu"
        Assert.Contains(index.QueryTerms(text), t => t.Text == stem);
    }
}
