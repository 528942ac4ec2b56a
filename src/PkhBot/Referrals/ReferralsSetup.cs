using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Reminders;

namespace PkhBot.Referrals;

public static class ReferralsSetup
{
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReferralsOptions>()
            .Bind(builder.Configuration.GetSection(ReferralsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Read once: the options check has proven the file loads.
        builder.Services.AddSingleton(sp => MitraCatalogue.FromOptions(sp.GetRequiredService<IOptions<ReferralsOptions>>()));
        builder.Services.AddSingleton<ReferralDesk>();
        builder.Services.AddCommand<RujukFlow>();
        builder.Services.AddFlow<RujukFlow>();
        builder.Services.AddCallback<RujukFlow>();
        builder.Services.AddCallback<MitraAnswerButtons>();
        builder.Services.AddCommand<HasilCommand>();
        builder.Services.AddCommand<RujukanCommand>();
        builder.Services.AddScoped<IReminderPlanner, UnansweredReferralsPlanner>();
        return builder;
    }
}
