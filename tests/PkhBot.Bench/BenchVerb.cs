using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PkhBot.Cli;

namespace PkhBot.Bench;

/// <summary>
/// `bench [--json] [--scale N] [--only AREA...]`: whole-system figures on fresh SQLite files in a temp folder,
/// each next to its budget. --scale 1 is a province (1,000,000 households, 4,000 pendamping, 5,000 nudges);
/// the default 0.1 keeps a run at a few minutes. See tests/PkhBot.Bench/README.md.
/// </summary>
public static class BenchVerb
{
    /// <summary>The bench's command line: `bench [options]` as the product's verbs are parsed (exit 2 on a bad option).</summary>
    public static async Task<int> RunCliAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var io = new CliIo(stdout ?? Console.Out, TextReader.Null, stderr ?? Console.Error);
        var root = new RootCommand("PkhBot bench: whole-system figures against their budgets.") { Create(io) };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Err });
    }

    public static IReadOnlyList<IBenchProbe> Probes() =>
        [new KnowledgeProbe(), new ImportProbe(), new RemindersProbe(), new IngestProbe(), new DeliveryProbe(), new StartupProbe()];

    public static Command Create(CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "Satu objek JSON, bukan tabel." };
        var scale = new Option<double>("--scale") { Description = "1 = provinsi (1.000.000 KPM, 4.000 pendamping, 5.000 pesan); bawaan 0,1.", DefaultValueFactory = _ => 0.1 };
        var only = new Option<string[]>("--only") { Description = "Hanya area ini: ingest delivery knowledge reminders import start-up.", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("bench", "Ukur kinerja seluruh sistem terhadap anggarannya.") { json, scale, only };
        cmd.SetAction(async (parse, ct) =>
        {
            var s = parse.GetValue(scale);
            if (s <= 0 || s > 10)
            {
                io.Err.WriteLine("--scale harus lebih dari 0 dan paling besar 10 (1 = satu provinsi).");
                return 2;
            }
            var areas = parse.GetValue(only) ?? [];
            var probes = Probes().Where(p => areas.Length == 0 || areas.Contains(p.Area, StringComparer.OrdinalIgnoreCase)).ToList();
            if (probes.Count == 0)
            {
                io.Err.WriteLine($"Area tidak dikenal: {string.Join(' ', areas)}. Pilih dari: {string.Join(' ', Probes().Select(p => p.Area))}.");
                return 2;
            }
            return await RunAsync(probes, s, parse.GetValue(json), io, ct);
        });
        return cmd;
    }

    /// <summary>
    /// Each area starts as it would in a process of its own (as `--only AREA` measures it): without the pooled
    /// connections and the garbage of the areas before it. Without this the ingest figure of a full run paid for the
    /// import probe's 100,000 rows (a 270 MB heap still to be collected) and the reminders' peak included them.
    /// </summary>
    private static void StartClean()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    public static async Task<int> RunAsync(IReadOnlyList<IBenchProbe> probes, double scale, bool json, CliIo io, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pkhbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var figures = new List<BenchFigure>();
        try
        {
            var options = new BenchOptions(scale, dir, io.Err);
            foreach (var probe in probes)
            {
                io.Err.WriteLine($"bench: {probe.Area} ...");
                StartClean();
                var sw = Stopwatch.StartNew();
                try
                {
                    figures.AddRange(await probe.RunAsync(options, ct));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var first = ex.Message.Split('\n')[0];
                    figures.Add(new BenchFigure(probe.Area, "failed", 0, "", null, false, Note: $"{ex.GetType().Name}: {(first.Length > 160 ? first[..160] : first)}"));
                }
                io.Err.WriteLine($"bench: {probe.Area} done in {sw.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (json) BenchReport.WriteJson(figures, io.Out);
        else
        {
            io.Out.WriteLine($"PkhBot bench, --scale {scale.ToString(CultureInfo.InvariantCulture)}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            BenchReport.WriteTable(figures, io.Out);
        }
        return 0;
    }
}
