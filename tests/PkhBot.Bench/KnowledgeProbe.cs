using System.Diagnostics;
using PkhBot.Knowledge;

namespace PkhBot.Bench;

/// <summary>Offline answers over the evaluation set (tests/PkhBot.Tests/Knowledge/eval-questions.tsv, copied beside the bench).</summary>
public sealed class KnowledgeProbe : IBenchProbe
{
    public string Area => "knowledge";

    private static readonly string[] Fallback =
    [
        "kapan bansos pkh cair", "berapa bantuan untuk ibu hamil", "kks hilang harus bagaimana", "apa itu graduasi mandiri",
        "syarat jadi penerima pkh", "anak sd dapat berapa", "lansia dapat bantuan berapa", "cara lapor perubahan data",
        "apa itu p2k2", "kenapa bantuan saya tidak cair", "resep rendang", "jadwal kereta",
    ];

    public Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var questions = LoadQuestions(out var source);
        var sw = Stopwatch.StartNew();
        var service = KnowledgeService.CreateOffline();
        var build = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        KnowledgeService.CreateOffline().Index.Dispose();
        var rebuild = sw.Elapsed.TotalMilliseconds;

        foreach (var q in questions.Take(5)) service.AnswerOffline(q);   // JIT warm-up
        var times = new List<double>(questions.Count * 5);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < 5; round++)
        {
            foreach (var q in questions)
            {
                ct.ThrowIfCancellationRequested();
                var t = Stopwatch.GetTimestamp();
                service.AnswerOffline(q);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        var seconds = total.Elapsed.TotalSeconds;
        times.Sort();
        var note = $"{questions.Count} questions x5 ({source})";
        return Task.FromResult<IReadOnlyList<BenchFigure>>(
        [
            new(Area, "index build", build, "ms", 1000, false, Note: "first load incl. JIT"),
            new(Area, "index rebuild (warm)", rebuild, "ms", 1000, false, Note: "second load, JIT done"),
            new(Area, "answers/s", times.Count / seconds, "q/s", null, true, Note: note),
            new(Area, "answer p50", BenchHost.Percentile(times, 0.50), "ms", null, false),
            new(Area, "answer p99", BenchHost.Percentile(times, 0.99), "ms", 20, false),
        ]);
    }

    private static List<string> LoadQuestions(out string source)
    {
        // The evaluation set is copied beside the bench at build (PkhBot.Bench.csproj).
        var file = Path.Combine(AppContext.BaseDirectory, "eval-questions.tsv");
        if (File.Exists(file))
        {
            var list = File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0].Trim()).Where(q => q.Length > 0).ToList();
            if (list.Count > 0) { source = "eval-questions.tsv"; return list; }
        }
        source = "built-in list";
        return [.. Fallback];
    }
}
