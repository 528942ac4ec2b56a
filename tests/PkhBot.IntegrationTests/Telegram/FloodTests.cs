using System.Diagnostics;
using PkhBot.Bench;
using PkhBot.IntegrationTests.Knowledge;
using PkhBot.IntegrationTests.Reporting;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>
/// One user floods questions while the LLM takes 4 s a call (real SK OpenAI connector against a slow fake OpenAI server,
/// real Telegram.Bot client against the fake Bot API, SQLite): the LLM is asked before each update's transaction, in
/// that user's lane, so a pendamping's /lapor sent after the flood is answered at once, not after the flood.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Flooder = 7401;
    private const long Pendamping = 7402;
    private static readonly TimeSpan LlmDelay = TimeSpan.FromSeconds(4);
    private FakeBotApi _api = null!;
    private FakeOpenAiServer _llm = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        // Each question: the model looks the documents up (one call), then answers (a second call); 4 s each.
        _llm = await FakeOpenAiServer.StartAsync((_, body) => FakeOpenAiServer.ToolResult(body) is null
            ? (200, FakeOpenAiServer.ToolCall("Knowledge-cari_dokumen", new { query = "besaran anak SMP per tahap" }))
            : (200, FakeOpenAiServer.Final("Jawaban dari model.")), LlmDelay);
        _worker = await TelegramWorker.StartAsync(_api, new Dictionary<string, string?>
        {
            ["Ai:Endpoint"] = _llm.Endpoint,
            ["Ai:Model"] = "uji-model",
            ["Ai:ApiKey"] = "kunci-uji",
            ["Ai:TimeoutSeconds"] = "30",
            // Every one of the 40 questions goes to the LLM (the per-minute limit would drop most of them).
            ["Conversation:MaxMessagesPerMinute"] = "1000",
        });
        var data = new ReportingData(_worker.App);
        var p1 = await data.PendampingAsync("P001");
        await data.HouseholdAsync(p1, "3522011234", "Siti Aminah");
        await data.PendampingChatAsync(Pendamping, p1);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _llm.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_report_sent_after_forty_slow_LLM_questions_of_another_user_is_answered_within_ten_seconds()
    {
        // A rule question: a family sum ("anak SMP dapat berapa per tahap") is our own arithmetic and never waits on the LLM.
        for (var i = 0; i < 40; i++) _api.EnqueueMessage(Flooder, $"bagaimana cara mendaftar PKH? ({i})");
        var sent = Stopwatch.StartNew();
        _api.EnqueueMessage(Pendamping, "/lapor 3522011234 kunjungan rumah rapi");

        var receipt = await _api.WaitForSentAsync(s => s.ChatId == Pendamping, TimeSpan.FromSeconds(60));
        var latency = sent.Elapsed;
        output.WriteLine($"/lapor answered after {latency.TotalSeconds:F2} s while one user's 40 questions waited on a {LlmDelay.TotalSeconds:F0} s LLM");

        Assert.Contains("No. laporan", receipt.Text);
        Assert.True(latency < TimeSpan.FromSeconds(10), $"/lapor took {latency.TotalSeconds:F1} s");
        // The flood really was on the LLM path: its first answers come from the model, one call at a time for that user.
        var first = await _api.WaitForSentAsync(s => s.ChatId == Flooder, TimeSpan.FromSeconds(30));
        Assert.Contains("Jawaban dari model", first.Text);
    }
}
