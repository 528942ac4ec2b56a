using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

/// <summary>The content formats documented in prompts/knowledge/README.md, on a folder of our own (Knowledge:Path).</summary>
public sealed class KnowledgeFormatTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pkh-kb-" + Guid.NewGuid().ToString("N"));

    public KnowledgeFormatTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
        File.WriteAllText(Path.Combine(_root, "docs", "uji.md"), """
            ---
            id: uji
            title: Dokumen uji
            year: 2025
            sources: S1, S2
            ---
            ## Besaran kelinci [S9]
            Komponen kelinci mendapat Rp123.000 per tahap.

            ## Jadwal wortel
            Wortel dibagikan tiap triwulan.
            """);
        File.WriteAllText(Path.Combine(_root, "synonyms.txt"), "# komentar\ntruwelu, terwelu => kelinci\nbuat, kanggo =>\n");
        File.WriteAllText(Path.Combine(_root, "domain-terms.txt"), "kelinci\nwortel\n");
        File.WriteAllText(Path.Combine(_root, "sources.tsv"), "# nama sumber\nS1\tKementan, 2025\nS2\tKementan, 2025\nS9\tTabloid Kelinci, 2024\n");
    }

    private void WriteFaq(string section) => File.WriteAllText(Path.Combine(_root, "faq.md"), $"""
        # FAQ uji
        ### Kelinci dapat berapa? | truwelu oleh piro
        Rp123.000 per tahap.
        Sumber: uji > {section}
        """);

    [Fact]
    public void A_content_folder_of_its_own_is_parsed_indexed_and_answered_with_the_names_of_its_sources()
    {
        WriteFaq("Besaran kelinci");
        // MinScore is calibrated on the real corpus; BM25 scores of a three-entry index are far smaller.
        var service = KnowledgeService.CreateOffline(_root, new KnowledgeOptions { MinScore = 0.1 });

        var a = service.AnswerOffline("terwelu kanggo berapa?");

        Assert.True(a.Answered);
        Assert.Equal("Rp123.000 per tahap.", a.Body);
        Assert.Equal("Sumber: Dokumen uji › Besaran kelinci (Tabloid Kelinci, 2024 · berlaku 2025)", a.SourceLine);
        Assert.Equal([new AnswerSource("Dokumen uji", "Besaran kelinci")], a.Sources);
        var passage = service.AnswerOffline("kapan wortel dibagikan");
        Assert.Contains("triwulan", passage.Body);
        Assert.Equal("Sumber: Dokumen uji › Jadwal wortel (Kementan, 2025 · berlaku 2025)", passage.SourceLine);
    }

    [Fact]
    public void A_FAQ_pointing_at_a_missing_section_stops_loading_with_a_clear_message()
    {
        WriteFaq("Bagian yang tidak ada");
        var ex = Assert.Throws<InvalidDataException>(() => KnowledgeContent.Load(_root));
        Assert.Contains("Bagian yang tidak ada", ex.Message);
    }

    [Fact]
    public void A_missing_folder_names_the_setting_to_fix()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeContent.Load(Path.Combine(_root, "tidak-ada")));
        Assert.Contains("Knowledge:Path", ex.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
