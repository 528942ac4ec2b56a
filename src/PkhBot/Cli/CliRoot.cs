using System.CommandLine;
using Microsoft.Extensions.Options;

namespace PkhBot.Cli;

/// <summary>The verbs. `run` is the default; each verb builds the host it needs and nothing more.</summary>
public static class CliRoot
{
    /// <param name="hostArgs">Configuration for the host the verb builds (tests: "--ConnectionStrings:PkhBot=Data Source=their.db").</param>
    /// <param name="stderr">Where error lines go (tests capture them); the console's error stream by default.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextReader? stdin = null, string[]? hostArgs = null, TextWriter? stderr = null)
    {
        var io = new CliIo(stdout ?? Console.Out, stdin ?? Console.In, stderr ?? Console.Error) { HostArgs = hostArgs ?? [] };
        var root = new RootCommand("PkhBot: asisten Telegram untuk pendamping, koordinator dan KPM PKH.");
        var run = RunVerb.Create(io);
        root.Subcommands.Add(run);
        root.Subcommands.Add(MigrateVerb.Create(io));
        root.Subcommands.Add(ImportVerb.Create(io));
        root.Subcommands.Add(SeedDemoVerb.Create(io));
        root.Subcommands.Add(InviteVerb.Create(io));
        root.Subcommands.Add(ExportVerb.Create(io));
        root.Subcommands.Add(ReconcileVerb.Create(io));
        root.Subcommands.Add(ReportVerb.Create(io));
        root.Subcommands.Add(ChatVerb.Create(io));
        root.Subcommands.Add(AskVerb.Create(io));
        root.Subcommands.Add(JobsVerb.Create(io));
        root.Subcommands.Add(RetentionVerb.Create(io));
        root.Subcommands.Add(UsersVerb.Create(io));
        root.Subcommands.Add(MovedBenchVerb(io));
        // `run` is the default verb: no arguments starts the worker.
        root.SetAction((_, ct) => RunVerb.RunWorkerAsync(io, ct));

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false });
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) io.Err.WriteLine($"Konfigurasi salah: {failure}");
            return 1;
        }
        catch (Data.DatabaseUnavailableException ex)
        {
            io.Err.WriteLine(ex.Message);
            return 3;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What System.CommandLine's default handler did; turned off so the two cases above get their clear lines.
            io.Err.WriteLine($"Unhandled exception: {ex}");
            return 1;
        }
    }

    /// <summary>The bench is test tooling (a fake Telegram server, probes) and lives in its own project; the old verb says where.</summary>
    private static Command MovedBenchVerb(CliIo io)
    {
        var bench = new Command("bench", "Pindah: dotnet run -c Release --project tests/PkhBot.Bench -- bench") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        bench.SetAction(_ =>
        {
            io.Err.WriteLine("bench ada di proyeknya sendiri: dotnet run -c Release --project tests/PkhBot.Bench -- bench (opsi sama).");
            return 2;
        });
        return bench;
    }
}

/// <summary>Where verbs read and write; tests pass their own writers.</summary>
public sealed record CliIo(TextWriter Out, TextReader In, TextWriter Err)
{
    /// <summary>Host arguments (e.g. --Database:Provider=SqlServer) are read from the environment and appsettings.</summary>
    public string[] HostArgs { get; init; } = [];
}
