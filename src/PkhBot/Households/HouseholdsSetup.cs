using PkhBot.Conversation;

namespace PkhBot.Households;

public static class HouseholdsSetup
{
    public static IHostApplicationBuilder AddHouseholds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<KpmViews>();
        builder.Services.AddCommand<KpmCommand>();
        builder.Services.AddCallback<KpmCallback>();
        builder.Services.AddCommand<CariCommand>();
        return builder;
    }
}
