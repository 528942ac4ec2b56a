using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PkhBot.IntegrationTests.Knowledge;

/// <summary>
/// An OpenAI-compatible /v1/chat/completions on 127.0.0.1 that records every request body and answers
/// from a script (request number, body) -> (status, json).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The base URL to configure as Ai:Endpoint (with /v1).</summary>
    public string Endpoint => _app.Urls.First() + "/v1";

    /// <param name="delay">How long each answer takes (a slow model); none by default.</param>
    public static async Task<FakeOpenAiServer> StartAsync(Func<int, string, (int Status, string Json)> script, TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        var count = 0;
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            server.Bodies.Enqueue(body);
            var (status, json) = script(Interlocked.Increment(ref count), body);
            if (delay is { } d) await Task.Delay(d);
            return Results.Text(json, "application/json", statusCode: status);
        });
        await app.StartAsync();
        return server;
    }

    public static string ToolCall(string function, object arguments) => ToolCalls((function, arguments));

    /// <summary>One assistant turn asking for several tool calls at once (call_1, call_2, ...).</summary>
    public static string ToolCalls(params (string Function, object Arguments)[] calls) => JsonSerializer.Serialize(new
    {
        id = "c1", @object = "chat.completion", created = 1700000000, model = "m",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant", content = (string?)null,
                    tool_calls = calls.Select((c, i) => new
                    {
                        id = $"call_{i + 1}", type = "function",
                        function = new { name = c.Function, arguments = JsonSerializer.Serialize(c.Arguments) },
                    }).ToArray(),
                },
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });

    public static string Final(string content) => JsonSerializer.Serialize(new
    {
        id = "c2", @object = "chat.completion", created = 1700000001, model = "m",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });

    /// <summary>The content of the role:"tool" message in a request body (what the plugin returned), or null.</summary>
    public static string? ToolResult(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .Select(m => m.GetProperty("content").ValueKind == JsonValueKind.String
                ? m.GetProperty("content").GetString()
                : m.GetProperty("content").GetRawText())
            .FirstOrDefault();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
