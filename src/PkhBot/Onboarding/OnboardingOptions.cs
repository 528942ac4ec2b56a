namespace PkhBot.Onboarding;

/// <summary>Section "Onboarding".</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>
    /// A pendamping sees or changes household data only after sharing (request_contact) the phone number the roster
    /// has for them: a forwarded invite alone gives a stranger nothing. Off only for a trial without roster phones.
    /// </summary>
    public bool RequirePhoneMatch { get; set; } = true;
}
