using PkhBot.Conversation;

namespace PkhBot.Reporting;

public static class ReportingSetup
{
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GraduationRulesOptions>().BindConfiguration(GraduationRulesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReportService>();

        builder.Services.AddCommand<LaporCommand>();
        builder.Services.AddFlow<LaporFlow>();
        builder.Services.AddCallback<LaporFlow>();
        builder.Services.AddCommand<BatalCommand>();
        return builder;
    }
}
