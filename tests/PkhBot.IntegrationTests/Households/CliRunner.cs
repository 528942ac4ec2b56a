using PkhBot.Cli;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Households;

public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n{Out}\n{Err}";
}

/// <summary>
/// Runs a verb exactly as the command line does, against the test's own SQLite file: the file is passed as host
/// configuration (CliRoot's hostArgs), not through an environment variable, so test classes can run in parallel.
/// </summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(TestApp app, params string[] args) => await RunWithAsync(app, [], args);

    public static async Task<CliResult> RunWithAsync(TestApp app, string[] settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] hostArgs = [$"--Database:Provider=Sqlite", $"--ConnectionStrings:PkhBot=Data Source={app.DatabasePath}", .. settings];
        var code = await CliRoot.RunAsync(args, output, new StringReader(""), hostArgs, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
