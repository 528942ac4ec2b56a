using BenchmarkDotNet.Attributes;
using PkhBot.Conversation;
using PkhBot.Privacy;

namespace PkhBot.Benchmarks;

[MemoryDiagnoser]
public class EscapingBenchmarks
{
    private const string Note = "Bu Siti <Aminah> & anak_2 [SD] *kelas 3* sudah buka warung kopi, omzet 1,5jt/bln, hp 081234567890";
    private readonly string _long = string.Concat(Enumerable.Repeat("baris &amp; <b>teks</b>\n", 400));

    [Benchmark]
    public string EscapeNote() => Html.Escape(Note);

    [Benchmark]
    public string MaskNote() => Mask.Text(Note);

    [Benchmark]
    public string TruncateLongMessage() => Html.Truncate(_long);
}
