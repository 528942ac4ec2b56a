using System.ComponentModel.DataAnnotations;

namespace PkhBot.Knowledge;

/// <summary>
/// The optional LLM (any OpenAI-compatible server, e.g. a local Ollama at http://127.0.0.1:11434/v1).
/// All three of Endpoint, Model and ApiKey set = LLM answers; none set = offline answers. Registered once by
/// <see cref="Ai.AiSetup.AddAi"/>; the endpoint must be https unless it is on this machine (loopback).
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string SectionName = "Ai";

    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    [Range(1, 600, ErrorMessage = "Ai:TimeoutSeconds harus 1 sampai 600 (bawaan 30).")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Folder of the Semantic Kernel prompt directories (&lt;Plugin&gt;/&lt;Function&gt;/skprompt.txt). Default: prompts/llm beside the executable.</summary>
    public string? PromptsPath { get; set; }

    public string ResolvedPromptsPath => string.IsNullOrWhiteSpace(PromptsPath) ? LlmAnswerer.DefaultPromptsRoot : Path.GetFullPath(PromptsPath);

    /// <summary>LLM calls in flight at once (answers and the report reader together); more wait their turn.</summary>
    [Range(1, 64, ErrorMessage = "Ai:MaxConcurrentCalls harus 1 sampai 64 (bawaan 4).")]
    public int MaxConcurrentCalls { get; set; } = 4;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model) && !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var set = new[] { Endpoint, Model, ApiKey }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is > 0 and < 3)
            yield return new ValidationResult(
                "Ai:Endpoint, Ai:Model dan Ai:ApiKey harus diisi bersama (isi ketiganya untuk memakai LLM, atau kosongkan ketiganya untuk jawaban offline; untuk Ollama ApiKey boleh 'ollama').",
                [nameof(Endpoint), nameof(Model), nameof(ApiKey)]);
        if (string.IsNullOrWhiteSpace(Endpoint)) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult(
                "Ai:Endpoint harus alamat http(s) lengkap dengan /v1, mis. http://127.0.0.1:11434/v1.", [nameof(Endpoint)]);
        else if (uri.Scheme == "http" && !IsLoopback(uri))
            yield return new ValidationResult(
                "Ai:Endpoint harus https (pertanyaan dan laporan tidak boleh lewat jaringan tanpa enkripsi); http hanya untuk server di mesin ini, mis. http://127.0.0.1:11434/v1.",
                [nameof(Endpoint)]);
    }

    private static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
