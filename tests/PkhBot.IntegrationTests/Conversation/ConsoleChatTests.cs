using PkhBot.Cli;

namespace PkhBot.IntegrationTests.Conversation;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Chat_reads_piped_lines_answers_each_and_exits_at_end_of_input()
    {
        var db = Path.Combine(Path.GetTempPath(), $"pkhbot-chat-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliRoot.RunAsync(
            ["chat", "--as", "kpm"],
            output,
            new StringReader("/bantuan\n/terbang\n"),
            [$"--ConnectionStrings:PkhBot=Data Source={db}", "--Demo:Households=50"],
            error);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Anda masuk sebagai KPM", text);
        Assert.Contains("/bantuan", text);
        Assert.Contains("tidak dikenal", text);
    }

    [Fact]
    public async Task Chat_as_an_unknown_pendamping_says_what_to_do()
    {
        var db = Path.Combine(Path.GetTempPath(), $"pkhbot-chat-{Guid.NewGuid():N}.db");
        var error = new StringWriter();
        var code = await CliRoot.RunAsync(["chat", "--as", "pendamping:TIDAK-ADA"], new StringWriter(), new StringReader(""),
            [$"--ConnectionStrings:PkhBot=Data Source={db}", "--Demo:Households=20"], error);
        Assert.Equal(2, code);
        Assert.Contains("tidak ditemukan", error.ToString());
    }
}
