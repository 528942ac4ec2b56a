using System.CommandLine;
using System.Text.Json;
using PkhBot.Knowledge;

namespace PkhBot.Cli;

/// <summary>
/// ask "QUESTION" [--json]: the chat's answer path from the command line. With no question it answers one
/// question per line of standard input. Needs no database and no network (unless an LLM is configured).
/// </summary>
public static class AskVerb
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliIo io)
    {
        var question = new Argument<string?>("question") { Description = "Pertanyaan; kosong = baca satu pertanyaan per baris dari stdin", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Cetak satu objek JSON per jawaban" };
        var explain = new Option<bool>("--explain") { Description = "Untuk pengelola konten: tampilkan kata yang dicari dan 3 hasil teratas" };
        var cmd = new Command("ask", "Jawab pertanyaan tentang aturan PKH (jalur yang sama dengan chat).") { question, json, explain };
        cmd.SetAction(async (pr, ct) =>
        {
            // Tool mode, no migration: answers come from prompts/knowledge, not from the database.
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            app.Services.ValidateOptions();
            var service = app.Services.GetRequiredService<KnowledgeService>();
            var asJson = pr.GetValue(json);
            if (pr.GetValue(explain))
            {
                foreach (var line in pr.GetValue(question) is { Length: > 0 } one ? [one] : ReadLines(io.In))
                    Explain(io, service.Index, line);
                return 0;
            }
            if (pr.GetValue(question) is { Length: > 0 } q)
            {
                await WriteAsync(io, await service.AnswerAsync(q, ct), asJson);
                return 0;
            }
            while (await io.In.ReadLineAsync(ct) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                await WriteAsync(io, await service.AnswerAsync(line, ct), asJson);
            }
            return 0;
        });
        return cmd;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
    }

    private static void Explain(CliIo io, KnowledgeIndex index, string question)
    {
        var terms = index.QueryTerms(question);
        io.Out.WriteLine($"? {question}");
        var words = index.Normalizer.Words(question).ToList();
        io.Out.WriteLine($"  words: {string.Join(' ', words)}  kind={AnswerFit.KindOf(words)} focus={(QuestionFocus.Word(words, index.Normalizer.Canonical, AnswerFit.KindOf(words)) is { } f ? string.Join(',', index.FocusStems(f)) : "-")}");
        io.Out.WriteLine($"  terms: {string.Join(' ', terms.Select(t => t.Weight < 1 ? $"({t.Text})" : t.Text))}  pkh={index.IsAboutPkh(terms, words)} itself={index.NamesPkhItself(terms)} unknown={string.Join(',', index.UnknownWords(terms))}");
        foreach (var h in index.Search(terms, 3))
            io.Out.WriteLine($"  {h.Score,7:F2} {(h.IsFaq ? "FAQ #" + h.Faq!.Number + " " + h.Faq.Questions[0] : h.Document.Id + " > " + h.Section)}");
    }

    private static async Task WriteAsync(CliIo io, Answer a, bool asJson)
    {
        if (!asJson)
        {
            await io.Out.WriteLineAsync(a.Text);
            await io.Out.WriteLineAsync();
            return;
        }
        var obj = new
        {
            answer = a.Text,
            answered = a.Answered,
            sources = a.Sources.Select(s => new { title = s.Title, section = s.Section }),
            score = a.Score,
        };
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(obj, Json));
    }
}
