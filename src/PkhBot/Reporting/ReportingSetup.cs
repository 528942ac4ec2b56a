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
        // Opt-in (Reporting:UseLlm, with Ai:* set): free text read by the LLM before the transaction, through SK function calling.
        var useLlm = (builder.Configuration.GetSection(ReportingOptions.SectionName).Get<ReportingOptions>()?.UseLlm ?? false)
                     && (builder.Configuration.GetSection(Knowledge.AiOptions.SectionName).Get<Knowledge.AiOptions>()?.Enabled ?? false);
        if (useLlm)
        {
            builder.Services.AddScoped<LlmReportExtractor>();
            builder.Services.AddScoped<IReportExtractor>(sp => sp.GetRequiredService<LlmReportExtractor>());
            builder.Services.AddScoped<IPreparer>(sp => sp.GetRequiredService<LlmReportExtractor>());
        }
        else builder.Services.AddScoped<IReportExtractor>(sp => sp.GetRequiredService<RuleBasedReportExtractor>());

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
}
