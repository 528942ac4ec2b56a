using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;

namespace PkhBot.Knowledge;

/// <summary>
/// The one search both answer modes use: the offline answerer calls <see cref="Search"/>, the LLM calls
/// <c>Knowledge-cari_dokumen</c>. It only ever returns programme documents and their sources: it has no
/// access to households or any personal data, so no prompt can make it leak them.
/// A fresh instance per question records what it retrieved (the sources of the answer).
/// </summary>
public sealed class KnowledgePlugin(KnowledgeIndex index)
{
    public const string PluginName = "Knowledge";
    private readonly ConcurrentQueue<KnowledgeHit> _retrieved = new();

    public IReadOnlyCollection<KnowledgeHit> Retrieved => _retrieved;

    [KernelFunction("cari_dokumen")]
    [Description("Cari potongan dokumen resmi program PKH (besaran komponen, jadwal tahap, kewajiban, sanksi, P2K2, graduasi, pengaduan, DTSEN, Bojonegoro). Mengembalikan potongan teks beserta sumber dan tahun berlakunya.")]
    public string CariDokumen(
        [Description("Pertanyaan atau kata kunci dalam bahasa Indonesia, mis. 'besaran anak SMP per tahap'")] string query,
        [Description("Jumlah potongan, 1 sampai 5")] int jumlah = 3)
    {
        var hits = Search(query, Math.Clamp(jumlah, 1, 5));
        if (hits.Count == 0) return "Tidak ada dokumen yang cocok.";
        var sb = new StringBuilder();
        var n = 0;
        foreach (var h in hits.DistinctBy(h => (h.Document.Id, h.Section)))
        {
            var section = h.Document.Sections.First(s => s.Heading == h.Section);
            sb.Append('[').Append(++n).Append("] ").Append(KnowledgeTexts.SourceLine(h.Document, h.Section)).Append('\n')
              .Append(section.Text).Append("\n---\n");
        }
        return sb.ToString().TrimEnd('-', '\n');
    }

    /// <summary>Search the index; personal numbers are masked before they reach anything.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string query, int top)
    {
        var hits = index.Search(Privacy.Mask.Text(query), top);
        foreach (var h in hits) _retrieved.Enqueue(h);
        return hits;
    }
}
