using BenchmarkDotNet.Attributes;
using PkhBot.Knowledge;

namespace PkhBot.Benchmarks;

/// <summary>Indonesian query analysis (normalisation, synonyms) and retrieval over the knowledge base, offline.</summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks
{
    private KnowledgeService _service = null!;

    [Params("kapan bansos pkh cair bulan ini", "kks sy ilang hrs gmn", "resep rendang padang")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _service = KnowledgeService.CreateOffline();

    [Benchmark(Description = "Normalise + expand query")]
    public string Expand() => _service.Index.Normalizer.Expand(Question);

    [Benchmark(Description = "Answer offline (retrieval)")]
    public Answer AnswerOffline() => _service.AnswerOffline(Question);
}
