using PkhBot.Conversation;

namespace PkhBot.Households;

public static class HouseholdsSetup
{
    public static IHostApplicationBuilder AddHouseholds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<RosterImporter>();
        builder.Services.AddScoped<HouseholdExporter>();
        builder.Services.AddScoped<KpmViews>();
        builder.Services.AddCommand<KpmCommand>();
        builder.Services.AddCallback<KpmCallback>();
        builder.Services.AddCommand<CariCommand>();
        return builder;
    }
}
