using Quartz;

namespace PkhBot.Retention;

public static class RetentionSetup
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Retention:Cron bukan ekspresi cron Quartz yang sah, mis. '0 30 2 * * ?'.")
            .ValidateOnStart();
        builder.Services.AddScoped<RetentionService>();
        return builder;
    }

    /// <summary>The daily job on the reminders' scheduler (called from its AddQuartz, like the announcement job): one store, one cluster.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration, TimeZoneInfo zone)
    {
        var o = configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
        if (!CronExpression.TryParse(o.Cron, out _)) return;   // ValidateOnStart stops the host with the line above
        q.ScheduleJob<RetentionJob>(
            t => t.WithIdentity(RetentionJob.Name, "retention")
                .WithCronSchedule(o.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            j => j.WithIdentity(RetentionJob.Name, "retention"));
    }
}
