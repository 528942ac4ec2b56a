using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
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
        services.AddOptions<AiOptions>()
            .Bind(builder.Configuration.GetSection(AiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Built once, on first use (a few hundred ms at most); searching is thread-safe.
        services.AddSingleton(sp => KnowledgeIndex.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvedPath));
        services.AddSingleton<KnowledgeService>();
        if (builder.GetMode() is AppMode.Worker or AppMode.Chat) services.AddHostedService<KnowledgeWarmup>();

        var ai = builder.Configuration.GetSection(AiOptions.SectionName).Get<AiOptions>() ?? new AiOptions();
        if (ai.Enabled)
        {
            services.AddSingleton(sp =>
            {
                var o = sp.GetRequiredService<IOptions<AiOptions>>().Value;
                var kb = Kernel.CreateBuilder();
                // SK hands the OpenAI SDK this HttpClient (retries off): the timeout is ours, the fallback is offline.
                var http = new HttpClient { Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5) };
                kb.AddOpenAIChatCompletion(modelId: o.Model!, endpoint: new Uri(o.Endpoint!), apiKey: o.ApiKey, httpClient: http);
                return kb.Build();
            });
            services.AddSingleton(sp => new LlmAnswerer(
                sp.GetRequiredService<Kernel>(),
                sp.GetRequiredService<KnowledgeIndex>(),
                sp.GetRequiredService<IOptions<AiOptions>>().Value.ResolvedPromptsPath));
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
