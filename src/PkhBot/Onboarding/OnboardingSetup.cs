using PkhBot.Conversation;

namespace PkhBot.Onboarding;

public static class OnboardingSetup
{
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InviteService>();
        builder.Services.AddCommand<StartCommand>();
        builder.Services.AddFreeText<ContactHandler>();
        return builder;
    }
}
