namespace PkhBot.Households;

public static class HouseholdsSetup
{
    public static IHostApplicationBuilder AddHouseholds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
