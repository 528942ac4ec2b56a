namespace PkhBot.Onboarding;

public static class OnboardingSetup
{
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
