using PkhBot.Conversation;

namespace PkhBot.Ppse;

public static class PpseSetup
{
    public static IHostApplicationBuilder AddPpse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PpseOptions>()
            .Bind(builder.Configuration.GetSection(PpseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<PpseFunnel>();
        builder.Services.AddScoped<PpseMonthlyReport>();
        builder.Services.AddCommand<PpseCommand>();
        return builder;
    }
}
