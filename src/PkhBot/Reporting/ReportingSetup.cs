using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PkhBot.Conversation;

namespace PkhBot.Reporting;

public static class ReportingSetup
{
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GraduationRulesOptions>().BindConfiguration(GraduationRulesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<GraduationCandidates>();
        builder.Services.AddScoped<DataQualityReport>();
        builder.Services.AddScoped<RuleBasedReportExtractor>();
        // With an LLM configured (Ai:*), free text goes through SK function calling.
        builder.Services.AddScoped<IReportExtractor>(sp =>
            sp.GetRequiredService<IOptions<ReportingOptions>>().Value.UseLlmExtractor && ChatService(sp) is { } chat
                ? new LlmReportExtractor(chat, sp.GetRequiredService<RuleBasedReportExtractor>(), sp.GetRequiredService<ILogger<LlmReportExtractor>>())
                : sp.GetRequiredService<RuleBasedReportExtractor>());

        builder.Services.AddCommand<LaporFlow>();
        builder.Services.AddFlow<LaporFlow>();
        builder.Services.AddCallback<LaporFlow>();
        builder.Services.AddCommand<BatalCommand>();
        builder.Services.AddFreeText<FreeTextReport>();
        builder.Services.AddCallback<FreeTextReport>();
        builder.Services.AddFlow<FreeTextReport>();
        builder.Services.AddFreeText<PhotoLocationHandler>();

        builder.Services.AddCommand<TindakLanjutCommand>();
        builder.Services.AddScoped<TindakLanjutCommand>();
        builder.Services.AddCallback<TindakLanjutButton>();
        builder.Services.AddCommand<SelesaiCommand>();
        builder.Services.AddCommand<P2k2Flow>();
        builder.Services.AddFlow<P2k2Flow>();
        builder.Services.AddCallback<P2k2Flow>();
        builder.Services.AddCommand<GraduationFlow>();
        builder.Services.AddCallback<GraduationFlow>();
        builder.Services.AddFlow<GraduationFlow>();
        builder.Services.AddCommand<KandidatCommand>();
        builder.Services.AddCommand<CekDataCommand>();
        return builder;
    }

    /// <summary>
    /// The configured LLM: the knowledge feature registers it as a <see cref="Kernel"/> singleton whose own services
    /// hold the chat service (the root container has none), so look inside the kernel too.
    /// </summary>
    private static IChatCompletionService? ChatService(IServiceProvider sp)
        => sp.GetService<IChatCompletionService>() ?? sp.GetService<Kernel>()?.Services.GetService<IChatCompletionService>();
}
