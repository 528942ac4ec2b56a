using System.Diagnostics;

namespace PkhBot.Bench;

/// <summary>
/// `dotnet PkhBot.dll run` as a child process against a fake Bot API: process start -> first getUpdates (polling
/// started: ready), then the working set of the idle bot. Idle the way Telegram makes it: the fake holds each empty
/// long poll for its whole timeout (5 s here), so the bot has deserialised a few getUpdates answers and its timers
/// have fired; the figure is the median of one sample a second from 10 to 25 s after ready (sampled 2 s after the
/// first poll, as before, a bot that settled at ~170 MB read 156). The child is killed afterwards. It runs with the
/// environment the systemd unit gives the service (its Environment= lines, e.g. MALLOC_MMAP_THRESHOLD_), read from the
/// unit file that ships beside PkhBot.dll, so the figure is the deployed bot's.
/// </summary>
public sealed class StartupProbe : IBenchProbe
{
    public string Area => "start-up";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var dll = typeof(AppHost).Assembly.Location;
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig)) throw new FileNotFoundException("PkhBot.runtimeconfig.json tidak ada di samping PkhBot.dll: jalankan dari build bench (dotnet run -c Release --project tests/PkhBot.Bench -- bench).", runtimeConfig);
        await using var fake = await FakeBotApi.StartAsync();
        fake.EmptyLongPollHold = null;
        var db = Path.Combine(options.WorkDir, $"{Guid.NewGuid():N}-startup.db");

        // Migrate first (a fresh file), so the figure is a normal restart, not a first-time schema creation.
        var migrate = await RunChildAsync(dll, db, fake.Url, "migrate", TimeSpan.FromSeconds(60), ct);
        try
        {
            // A start is a few seconds of JIT on a shared CPU: the median of three says more than one run.
            var runs = new List<(double Ready, double IdleMb)>();
            for (var i = 0; i < Runs; i++) runs.Add(await StartOnceAsync(dll, db, fake, ct));
            var ready = runs.Select(r => r.Ready).Order().ToList();
            var idle = runs.Select(r => r.IdleMb).Order().ToList();
            return
            [
                new(Area, "start -> polling", ready[Runs / 2], "s", 3, false,
                    Note: $"median of {Runs} (min {ready[0]:0.00}, max {ready[^1]:0.00}); dotnet PkhBot.dll run, migrated DB (migrate took {migrate:0.0} s)"),
                new(Area, "idle working set", idle[Runs / 2], "MB", 150, false,
                    Note: $"median of 1-s samples {IdleFrom.TotalSeconds:0}-{IdleUntil.TotalSeconds:0} s after ready, long polls held {PollSeconds} s; median of {Runs} runs (min {idle[0]:0}, max {idle[^1]:0})"),
            ];
        }
        finally
        {
            BenchHost.DeleteDb(db);
        }
    }

    private const int Runs = 3;
    private const int PollSeconds = 5;
    private static readonly TimeSpan IdleFrom = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleUntil = TimeSpan.FromSeconds(25);

    private static async Task<(double Ready, double IdleMb)> StartOnceAsync(string dll, string db, FakeBotApi fake, CancellationToken ct)
    {
        var polls = fake.PollsReceived;
        var psi = StartInfo(dll, db, fake.Url, "run");
        var sw = Stopwatch.StartNew();
        using var proc = Process.Start(psi) ?? throw new InvalidOperationException("dotnet tidak bisa dijalankan.");
        proc.OutputDataReceived += (_, _) => { };
        proc.ErrorDataReceived += (_, _) => { };
        proc.BeginOutputReadLine();
        proc.BeginErrorReadLine();
        try
        {
            await fake.WaitUntilAsync(() => fake.PollsReceived > polls || proc.HasExited,
                TimeSpan.FromSeconds(60), "the first getUpdates");
            if (proc.HasExited) throw new InvalidOperationException($"`run` stopped with exit code {proc.ExitCode} before polling.");
            var ready = sw.Elapsed;
            var samples = new List<double>();
            for (var at = IdleFrom; at <= IdleUntil; at += TimeSpan.FromSeconds(1))
            {
                var wait = ready + at - sw.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                if (proc.HasExited) throw new InvalidOperationException($"`run` stopped with exit code {proc.ExitCode} while idle.");
                proc.Refresh();
                samples.Add(proc.WorkingSet64 / 1024.0 / 1024.0);
            }
            samples.Sort();
            return (ready.TotalSeconds, samples[samples.Count / 2]);
        }
        finally
        {
            if (!proc.HasExited)
            {
                proc.Kill(entireProcessTree: true);
                await proc.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string dll, string db, string apiUrl, string verb)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(db)! };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add(verb);
        psi.Environment["Telegram__BotToken"] = FakeBotApi.Token;
        psi.Environment["Telegram__ApiBaseUrl"] = apiUrl;
        psi.Environment["Telegram__SetCommandMenus"] = "false";
        psi.Environment["Telegram__PollTimeoutSeconds"] = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Operations__Urls"] = "http://127.0.0.1:0";
        psi.Environment["Urls"] = "http://127.0.0.1:0";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__PkhBot"] = $"Data Source={db}";
        psi.Environment["Reminders__Store__ConnectionString"] = $"Data Source={db}.quartz";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in UnitEnvironment(dll)) psi.Environment[key] = value;
        return psi;
    }

    /// <summary>The unit's `Environment=KEY=value` lines (one assignment a line, as pkhbot.service writes them).</summary>
    internal static IReadOnlyList<(string Key, string Value)> UnitEnvironment(string dll)
    {
        var unit = Path.Combine(Path.GetDirectoryName(dll)!, "Operations", "deploy", "pkhbot.service");
        if (!File.Exists(unit)) throw new FileNotFoundException("pkhbot.service tidak ada di samping PkhBot.dll.", unit);
        return File.ReadLines(unit)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Trim('"'))
            .Select(a => a.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Length > 0)
            .Select(kv => (kv[0], kv[1]))
            .ToList();
    }

    private static async Task<double> RunChildAsync(string dll, string db, string apiUrl, string verb, TimeSpan timeout, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var proc = Process.Start(StartInfo(dll, db, apiUrl, verb)) ?? throw new InvalidOperationException("dotnet tidak bisa dijalankan.");
        var stdout = proc.StandardOutput.ReadToEndAsync(ct);
        var stderr = proc.StandardError.ReadToEndAsync(ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        await proc.WaitForExitAsync(cts.Token);
        await Task.WhenAll(stdout, stderr);
        if (proc.ExitCode != 0) throw new InvalidOperationException($"`{verb}` exit code {proc.ExitCode}: {(await stderr).Split('\n')[0]}");
        return sw.Elapsed.TotalSeconds;
    }
}
