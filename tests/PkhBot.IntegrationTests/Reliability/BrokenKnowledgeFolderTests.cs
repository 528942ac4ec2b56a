using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// The knowledge index is built in the background after the worker starts. A wrong Knowledge:Path must not leave
/// a bot running that cannot answer a single question: it stops, says why in one critical line naming the
/// setting, and exits with code 1 (what systemd/docker see).
/// </summary>
public sealed class BrokenKnowledgeFolderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_worker_whose_knowledge_folder_is_missing_or_empty_stops_with_a_critical_line_and_exit_code_1(bool folderExists)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"knowledge-{Guid.NewGuid():N}");
        if (folderExists) Directory.CreateDirectory(folder);
        var logs = new CapturingLoggerProvider();
        try
        {
            await using var app = await TestApp.StartAsync(
                new Dictionary<string, string?> { ["Knowledge:Path"] = folder, ["Telegram:SetCommandMenus"] = "false" },
                AppMode.Worker,
                configure: b => b.Logging.AddProvider(logs));
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());

            try
            {
                await app.App.StartAsync();
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // The build can fail before the web server has bound its port: the start itself is then cancelled.
            }
            // The bot stops by itself; the limit only keeps a regression from hanging the test run.
            var finished = await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromSeconds(60)));

            Assert.True(finished == stopped.Task, "the worker kept running with a broken knowledge folder");
            Assert.Equal(1, Environment.ExitCode);
            var critical = Assert.Single(logs.Lines, l => l.StartsWith("Critical PkhBot.Knowledge.KnowledgeWarmup", StringComparison.Ordinal));
            Assert.Contains("Basis pengetahuan tidak bisa dimuat", critical);
            Assert.Contains("Knowledge:Path", critical);
            Assert.Contains("DirectoryNotFoundException", critical);
        }
        finally
        {
            // Process-global: the test run's own exit code must not inherit it.
            Environment.ExitCode = 0;
            if (folderExists) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_run_verb_with_a_missing_knowledge_folder_exits_with_code_1()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pkhbot-tests");
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
        var error = new StringWriter();
        string[] hostArgs =
        [
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:PkhBot=Data Source={db}",
            $"--Knowledge:Path={Path.Combine(dir, $"knowledge-{Guid.NewGuid():N}")}",
            "--Telegram:BotToken=123456:TEST",
            "--Telegram:ApiBaseUrl=http://127.0.0.1:9",
            "--Telegram:SetCommandMenus=false",
            "--Operations:Urls=http://127.0.0.1:0",
            "--Urls=http://127.0.0.1:0",
            $"--Reminders:Store:ConnectionString=Data Source={db}.quartz",
            $"--Reminders:Store:SchedulerName=test-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=None",
        ];
        try
        {
            var code = await PkhBot.Cli.CliRoot.RunAsync(["run"], new StringWriter(), new StringReader(""), hostArgs, error);

            // What systemd or docker sees: a failure, not a clean exit of a bot that could not answer anything.
            Assert.True(code == 1, $"exit {code}: {error}");
            Assert.DoesNotContain("Unhandled exception", error.ToString());
        }
        finally
        {
            Environment.ExitCode = 0;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".quartz", ".quartz-wal", ".quartz-shm" })
            {
                try { File.Delete(db + suffix); } catch (IOException) { }
            }
        }
    }
}
