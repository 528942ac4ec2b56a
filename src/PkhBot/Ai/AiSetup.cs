using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PkhBot.Knowledge;

namespace PkhBot.Ai;

/// <summary>
/// The LLM, registered once: <see cref="AiOptions"/> (validated at start: all three of Endpoint, Model, ApiKey or none;
/// https unless loopback), the chat-completion service when configured, and <see cref="AiCalls"/>, which every LLM call
/// goes through. Features build their own Kernel around the one chat service.
/// </summary>
public static class AiSetup
{
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>()
            .Bind(builder.Configuration.GetSection(AiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AiCalls>();

        var ai = builder.Configuration.GetSection(AiOptions.SectionName).Get<AiOptions>() ?? new AiOptions();
        if (!ai.Enabled) return builder;
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            var kb = Kernel.CreateBuilder();
            // SK hands the OpenAI SDK this HttpClient (retries off): the timeout is ours (AiCalls), the fallback is offline.
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5) };
            kb.AddOpenAIChatCompletion(modelId: o.Model!, endpoint: new Uri(o.Endpoint!), apiKey: o.ApiKey, httpClient: http);
            return kb.Build().GetRequiredService<IChatCompletionService>();
        });
        return builder;
    }

    /// <summary>A Kernel of one's own around the registered chat service (plugins are per use).</summary>
    public static Kernel KernelFor(IChatCompletionService chat)
    {
        var kb = Kernel.CreateBuilder();
        kb.Services.AddSingleton(chat);
        return kb.Build();
    }
}
