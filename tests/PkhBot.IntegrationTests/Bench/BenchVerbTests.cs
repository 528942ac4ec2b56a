using System.Text.Json;
using PkhBot.Bench;
using PkhBot.Cli;

namespace PkhBot.IntegrationTests.Bench;

/// <summary>The bench verb runs and prints its figures; no timing is asserted (speed is what the bench reports).</summary>
public sealed class BenchVerbTests
{
    private static async Task<(int Code, JsonElement Json, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BenchVerb.RunCliAsync(["bench", "--json", .. args], output, error);
        using var doc = JsonDocument.Parse(output.ToString());
        return (code, doc.RootElement.Clone(), error.ToString());
    }

    [Fact]
    public async Task Knowledge_area_prints_every_figure_with_value_unit_and_budget_as_json()
    {
        var (code, json, err) = await RunAsync("--only", "knowledge");

        Assert.Equal(0, code);
        var area = json.GetProperty("knowledge");
        Assert.False(area.TryGetProperty("failed", out _), err);
        foreach (var name in new[] { "index build", "answers/s", "answer p50", "answer p99" })
        {
            var figure = area.GetProperty(name);
            Assert.True(figure.GetProperty("value").GetDouble() > 0, name);
            Assert.Equal(JsonValueKind.String, figure.GetProperty("unit").ValueKind);
        }
        Assert.Equal(20, area.GetProperty("answer p99").GetProperty("budget").GetDouble());
        Assert.Single(json.EnumerateObject());
    }

    [Fact]
    public async Task Ingest_and_reminders_at_a_tiny_scale_report_figures_not_failures()
    {
        var (code, json, err) = await RunAsync("--scale", "0.001", "--only", "ingest", "reminders");

        Assert.Equal(0, code);
        var ingest = json.GetProperty("ingest");
        Assert.False(ingest.TryGetProperty("failed", out _), err + ingest);
        Assert.True(ingest.GetProperty("telegram reports/s").GetProperty("value").GetDouble() > 0);
        Assert.True(ingest.GetProperty("pipeline p99").GetProperty("value").GetDouble() > 0);
        Assert.True(ingest.GetProperty("pipeline reports/s, batches of 16").GetProperty("value").GetDouble() > 0);
        var reminders = json.GetProperty("reminders");
        Assert.False(reminders.TryGetProperty("failed", out _), err + reminders);
        Assert.Contains("nudges", reminders.GetProperty("pendamping-weekly").GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_failing_probe_is_reported_as_a_failed_figure_and_the_run_goes_on()
    {
        var output = new StringWriter();
        var io = new CliIo(output, new StringReader(""), new StringWriter());

        var code = await BenchVerb.RunAsync([new ThrowingProbe(), new KnowledgeProbe()], 0.001, json: true, io, CancellationToken.None);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Contains("boom", doc.RootElement.GetProperty("broken").GetProperty("failed").GetProperty("note").GetString());
        Assert.True(doc.RootElement.TryGetProperty("knowledge", out _));
    }

    [Fact]
    public async Task An_unknown_area_is_refused_with_the_list_of_areas()
    {
        var error = new StringWriter();
        var code = await BenchVerb.RunCliAsync(["bench", "--only", "gudang"], new StringWriter(), error);

        Assert.NotEqual(0, code);
        Assert.Contains("reminders", error.ToString());
    }

    [Fact]
    public async Task The_products_bench_verb_says_where_the_bench_now_lives()
    {
        var error = new StringWriter();
        var code = await CliRoot.RunAsync(["bench", "--only", "start-up"], new StringWriter(), new StringReader(""), [], error);

        Assert.Equal(2, code);
        Assert.Contains("--project tests/PkhBot.Bench -- bench", error.ToString());
    }

    [Fact]
    public void The_start_up_probe_starts_the_bot_with_the_environment_of_the_systemd_unit()
    {
        var env = StartupProbe.UnitEnvironment(typeof(AppHost).Assembly.Location);

        Assert.Contains(("MALLOC_MMAP_THRESHOLD_", "65536"), env);
        Assert.Contains(("DOTNET_ENVIRONMENT", "Production"), env);
    }

    private sealed class ThrowingProbe : IBenchProbe
    {
        public string Area => "broken";
        public Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct) => throw new InvalidOperationException("boom");
    }
}
