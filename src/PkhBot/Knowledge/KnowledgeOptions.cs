using System.ComponentModel.DataAnnotations;

namespace PkhBot.Knowledge;

public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder holding docs/, faq.md, synonyms.txt, domain-terms.txt. Default: prompts/knowledge beside the executable.</summary>
    public string? Path { get; set; }

    /// <summary>Below this BM25 score of the best hit the bot says it does not know (evaluation set: lowest correct answer 7.4).</summary>
    [Range(0.0, 1000.0, ErrorMessage = "Knowledge:MinScore harus angka 0 sampai 1000 (bawaan 5).")]
    public double MinScore { get; set; } = 5.0;

    /// <summary>
    /// Below this share of the question's own words found in the best entry the bot says it does not know
    /// ("alamat kantor dinsos" must not be answered with the complaint channels because "dinsos" matched).
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:MinCoverage harus 0 sampai 1 (bawaan 0,3).")]
    public double MinCoverage { get; set; } = 0.3;

    /// <summary>An extractive passage is cut to about this many characters (a phone screen).</summary>
    [Range(120, 3000, ErrorMessage = "Knowledge:MaxAnswerChars harus 120 sampai 3000 (bawaan 450).")]
    public int MaxAnswerChars { get; set; } = 450;

    /// <summary>Questions one asker may pass on to a person in 24 hours; the next gets where else to ask (pendamping, 171, cekbansos).</summary>
    [Range(0, 100, ErrorMessage = "Knowledge:HandoffsPerDay harus 0 sampai 100 (bawaan 3).")]
    public int HandoffsPerDay { get; set; } = 3;

    /// <summary>
    /// The kabupaten the knowledge base speaks for. A count asked for it ("KPM PKH Bojonegoro ada berapa") is answered only
    /// from a passage that names it, never with a national figure.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Knowledge:Kabupaten wajib diisi (bawaan Bojonegoro).")]
    [RegularExpression(@"^[A-Za-z][A-Za-z ]{1,40}$", ErrorMessage = "Knowledge:Kabupaten harus nama tanpa angka, mis. Bojonegoro.")]
    public string Kabupaten { get; set; } = "Bojonegoro";

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? KnowledgeContent.DefaultPath : System.IO.Path.GetFullPath(Path);
}
