using System.Text.Json;
using PkhBot.Cli;

namespace PkhBot.IntegrationTests.Knowledge;

public sealed class AskVerbTests
{
    [Fact]
    public async Task Ask_json_prints_exactly_one_object_with_answer_sources_and_score()
    {
        var output = new StringWriter();
        var code = await CliRoot.RunAsync(["ask", "bumil dapet piro?", "--json"], output, new StringReader(""));
        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(["answer", "answered", "sources", "score"], json.EnumerateObject().Select(p => p.Name));
        Assert.Contains("750.000", json.GetProperty("answer").GetString());
        Assert.True(json.GetProperty("answered").GetBoolean());
        var source = json.GetProperty("sources")[0];
        Assert.Equal("Komponen dan besaran bantuan PKH", source.GetProperty("title").GetString());
        Assert.Equal("Besaran per komponen", source.GetProperty("section").GetString());
        Assert.True(json.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_without_a_question_answers_every_line_of_standard_input()
    {
        var output = new StringWriter();
        var input = new StringReader("anak SD dapat berapa?\n\nresep soto lamongan\nkks ilang piye\n");
        var code = await CliRoot.RunAsync(["ask", "--json"], output, input);
        Assert.Equal(0, code);
        var answers = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, answers.Count);
        Assert.Contains("225.000", answers[0].GetProperty("answer").GetString());
        Assert.False(answers[1].GetProperty("answered").GetBoolean());
        Assert.Empty(answers[1].GetProperty("sources").EnumerateArray());
        Assert.Contains("bank", answers[2].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_in_plain_text_prints_the_answer_and_its_source()
    {
        var output = new StringWriter();
        await CliRoot.RunAsync(["ask", "P2K2 itu apa?"], output, new StringReader(""));
        Assert.Contains("Pertemuan Peningkatan Kemampuan Keluarga", output.ToString());
        Assert.Contains("Sumber: P2K2", output.ToString());
    }
}
