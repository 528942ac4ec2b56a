namespace PkhBot.Knowledge;

/// <summary>Every sentence the knowledge feature says, in one place.</summary>
public static class KnowledgeTexts
{
    public const string DontKnow =
        "Maaf, saya belum tahu jawaban pastinya untuk pertanyaan itu. Silakan tanya pendamping PKH Anda atau Dinas Sosial " +
        "Kabupaten Bojonegoro, hubungi call center Kemensos 171, atau cek status di cekbansos.kemensos.go.id.";

    public const string TanyaUsage =
        "Tulis pertanyaan setelah /tanya, misalnya:\n<code>/tanya anak SMP dapat berapa?</code>";

    public const string TanyaDescription = "Tanya aturan PKH (besaran, jadwal, kewajiban)";

    public static string SourceLine(KnowledgeDocument doc, string section)
    {
        var own = doc.Sections.FirstOrDefault(s => s.Heading == section)?.Sources;
        var ids = (own ?? doc.Sources).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var shown = string.Join(", ", ids.Take(3)) + (ids.Length > 3 ? " dll." : "");
        return $"Sumber: {doc.Title} › {section} ({shown}; berlaku {doc.Year})";
    }

    /// <summary>The LLM prompt's own signal for "the passages do not answer this".</summary>
    public const string LlmDontKnowMarker = "TIDAK_TAHU";
}
