using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace PkhBot.Knowledge;

/// <summary>
/// Grounded generation through Semantic Kernel: the Jawab prompt (prompts/llm/KnowledgePrompts/Jawab, SK prompt-directory
/// format), the <see cref="KnowledgePlugin"/> search and the <see cref="BenefitPlugin"/> calculator as tools, temperature 0.
/// The question goes out with NIK and phone masked and names, ID KPM and addresses as placeholders
/// (<see cref="Ai.Placeholders"/>). Returns null when the answer cannot be trusted (empty, or the model
/// never looked anything up) so that the caller uses the offline answer.
/// </summary>
public sealed class LlmAnswerer
{
    private readonly Kernel _kernel;
    private readonly KernelFunction _jawab;
    private readonly KnowledgeIndex _index;

    /// <param name="promptsRoot">The folder of SK prompt directories, &lt;Plugin&gt;/&lt;Function&gt; (Ai:PromptsPath, default prompts/llm).</param>
    public LlmAnswerer(Kernel kernel, KnowledgeIndex index, string promptsRoot)
    {
        _kernel = kernel;
        _index = index;
        // Created from the directory but not imported as a plugin: only the search is offered to the model as a tool.
        _jawab = kernel.CreatePluginFromPromptDirectory(Path.Combine(promptsRoot, PromptPlugin), PromptPlugin)["Jawab"];
    }

    public const string PromptPlugin = "KnowledgePrompts";

    public static string DefaultPromptsRoot => Path.Combine(AppContext.BaseDirectory, "prompts", "llm");

    public async Task<Answer?> AnswerAsync(string question, CancellationToken ct)
    {
        var kernel = _kernel.Clone();
        var plugin = new KnowledgePlugin(_index);
        kernel.Plugins.AddFromObject(plugin, KnowledgePlugin.PluginName);
        // The second tool: the same benefit calculator as the offline answer and the /kpm card.
        if (_index.Calculator is { } calculator) kernel.Plugins.AddFromObject(new BenefitPlugin(calculator), BenefitPlugin.PluginName);
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            Temperature = 0,
            MaxTokens = 400,
        };
        // Names, ID KPM and addresses go out as placeholders and come back as they were; NIK and phone never come back.
        var hidden = new Ai.Placeholders();
        var result = await kernel.InvokeAsync(_jawab, new KernelArguments(settings) { ["question"] = hidden.Hide(question) }, ct);
        var text = Privacy.Mask.Text(hidden.Restore(result.GetValue<string>()?.Trim() ?? ""));
        if (string.IsNullOrWhiteSpace(text) || plugin.Retrieved.Count == 0) return null;
        if (text.Contains(KnowledgeTexts.LlmDontKnowMarker, StringComparison.Ordinal)) return Answer.DontKnow(0);

        var used = plugin.Retrieved.OrderByDescending(h => h.Score).DistinctBy(h => (h.Document.Id, h.Section)).Take(3).ToList();
        var sourceLine = "Sumber: " + string.Join("; ", used.Select(h => KnowledgeTexts.SourceLine(h.Document, h.Section)["Sumber: ".Length..]));
        return new Answer(text, sourceLine, true, used.Select(h => new AnswerSource(h.Document.Title, h.Section)).ToList(),
            Math.Round(used[0].Score, 3));
    }
}
