using BenchmarkDotNet.Attributes;
using PkhBot.Reporting;

namespace PkhBot.Benchmarks;

/// <summary>The rule-based note parser every /lapor goes through (dates, money, attendance, deadlines).</summary>
[MemoryDiagnoser]
public class ReportParsingBenchmarks
{
    private static readonly DateTimeOffset Now = new(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly string[] Notes =
    [
        "usaha omzet 2,5 jt/bln warung kopi",
        "buka warung sembako sejak 3 bulan lalu, omzet sehari 150rb, modal pinjaman 2 juta",
        "kendala KKS hilang, urus ke bank 7 hari",
        "kunjungan rumah 15/09/2025 anak jarang sekolah, tindak lanjut 2 minggu",
        "hadir P2K2 kemarin bersama 12 KPM, materi pengasuhan",
        "penghasilan Rp 1.750.000 per bulan dari jualan gorengan, cicilan motor 600 ribu",
        "sudah tidak layak, suami kerja pabrik gaji 3,2 juta sebulan",
        "catatan singkat tanpa angka",
    ];

    private static readonly string[] Amounts = ["2,5 jt", "Rp 1.750.000", "150rb", "3 juta", "1750000", "600 ribu", "tidak ada"];

    [Benchmark(Description = "Parse 8 notes")]
    public int ParseNotes()
    {
        var n = 0;
        foreach (var note in Notes) n += ReportNoteParser.Parse(note, Now).Amounts.Count;
        return n;
    }

    [Benchmark(Description = "TryParseMoney x7")]
    public long ParseMoney()
    {
        long sum = 0;
        foreach (var a in Amounts) if (ReportNoteParser.TryParseMoney(a, out var v)) sum += v;
        return sum;
    }

    [Benchmark(Description = "Parse one dated note")]
    public DateTimeOffset ParseDate() => ReportNoteParser.Parse("kunjungan rumah 15/09/2025 anak jarang sekolah", Now).EventAt;
}
