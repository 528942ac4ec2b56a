using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using PkhBot.Conversation;

namespace PkhBot.Knowledge;

public static class KnowledgeSetup
{
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>()
            .Bind(builder.Configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Built once, on first use (a few hundred ms at most); searching is thread-safe.
        services.AddSingleton(sp => KnowledgeIndex.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvedPath));
        services.AddSingleton<KnowledgeService>();
        if (builder.GetMode() is AppMode.Worker or AppMode.Chat) services.AddHostedService<KnowledgeWarmup>();

        // The LLM (registered once by AddAi) answers through the same search, before the update's transaction.
        var ai = builder.Configuration.GetSection(AiOptions.SectionName).Get<AiOptions>() ?? new AiOptions();
        if (ai.Enabled)
        {
            services.AddSingleton(sp => new LlmAnswerer(
                Ai.AiSetup.KernelFor(sp.GetRequiredService<IChatCompletionService>()),
                sp.GetRequiredService<KnowledgeIndex>(),
                sp.GetRequiredService<IOptions<AiOptions>>().Value.ResolvedPromptsPath));
            services.AddPreparer<KnowledgePreparer>();
        }

        services.AddCommand<TanyaCommand>();
        services.AddFreeText<QuestionFreeText>();
        // Hand-off of questions to a person (with consent, capped per asker per day) and the staff side of it.
        services.AddCallback<HandoffCallbacks>();
        services.AddCommand<JawabCommand>();
        services.AddCommand<OpenQuestionsCommand>();
        return builder;
    }
}
