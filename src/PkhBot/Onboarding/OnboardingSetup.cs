using PkhBot.Conversation;

namespace PkhBot.Onboarding;

public static class OnboardingSetup
{
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.SectionName));
        builder.Services.AddScoped<InviteService>();
        builder.Services.AddScoped<UserAccess>();
        builder.Services.AddCommand<StartCommand>();
        builder.Services.AddFreeText<ContactHandler>();
        builder.Services.AddFreeText<UnverifiedPendampingText>();
        return builder;
    }
}
