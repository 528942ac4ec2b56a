using System.ComponentModel.DataAnnotations;
using PkhBot.Conversation;
using Quartz;

namespace PkhBot.Reminders;

public static class RemindersSetup
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RemindersOptions.SectionName);
        var efConnection = Data.DataSetup.ReadOptions(builder.Configuration).ConnectionString;
        builder.Services.AddOptions<RemindersOptions>().Bind(section).ValidateDataAnnotations()
            // Quartz on SQLite locks under load when it shares the bot's file: it gets its own.
            .Validate(o => !(o.Store.IsSqlite && SameSqliteFile(o.Store.ConnectionString, efConnection)),
                "Reminders:Store:ConnectionString menunjuk file database utama: isi file SQLite tersendiri, mis. 'Data Source=pkhbot-quartz.db'.")
            .ValidateOnStart();

        builder.Services.AddSingleton<WorkCalendar>();
        builder.Services.AddSingleton<ReminderRunner>();
        builder.Services.AddScoped<NudgeWriter>();
        builder.Services.AddScoped<RecipientDirectory>();
        builder.Services.AddScoped<DigestBuilder>();
        builder.Services.AddScoped<GraduationCandidateQuery>();
        builder.Services.AddScoped<AreaBreakdown>();
        builder.Services.AddScoped<IReminderPlanner, PendampingWeeklyPlanner>();
        builder.Services.AddScoped<IReminderPlanner, FollowUpDuePlanner>();
        builder.Services.AddScoped<IReminderPlanner, EscalationPlanner>();
        builder.Services.AddScoped<IReminderPlanner, CoordinatorWeeklyPlanner>();
        builder.Services.AddScoped<IReminderPlanner, GraduationCandidatesPlanner>();
        builder.Services.AddCommand<RekapCommand>();
        builder.Services.AddCommand<EksporCommand>();

        if (builder.GetMode() == AppMode.Worker) builder.AddReminderScheduler(section);
        return builder;
    }

    private static bool SameSqliteFile(string? quartz, string? ef)
    {
        static string? FileOf(string? cs)
        {
            if (string.IsNullOrWhiteSpace(cs)) return null;
            try { return Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource); }
            catch (ArgumentException) { return null; }
        }
        var q = FileOf(quartz);
        return q is not null && string.Equals(q, FileOf(ef ?? Data.DbContextConfigurator.DefaultSqlite), StringComparison.Ordinal);
    }

    /// <summary>
    /// Quartz with its persistent ADO store (own SQLite file by default; SQL Server with clustering in production).
    /// Jobs and triggers are re-registered from code on every start (replacing, never duplicating).
    /// </summary>
    private static void AddReminderScheduler(this IHostApplicationBuilder builder, IConfigurationSection section)
    {
        var o = section.Get<RemindersOptions>() ?? new RemindersOptions();
        // Invalid settings: ValidateOnStart stops the host with a clear message; do not crash here first.
        if (!Validator.TryValidateObject(o, new ValidationContext(o), [], true)) return;
        var zone = WorkCalendar.ResolveZone(o.TimeZone);
        var store = o.Store;
        // Quartz opens its SQLite file itself: make it owner-only (0600) before it does.
        if (store.IsSqlite && !string.IsNullOrWhiteSpace(store.ConnectionString))
            Privacy.OwnerOnlyFile.SecureSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource);

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = store.SchedulerName;           // all nodes of a cluster share it
                s.GenerateInstanceId = store.Clustered;         // each node its own id
            });
            q.UseDefaultThreadPool(store.ThreadCount);
            q.UsePersistentStore(s =>
            {
                if (store.IsSqlServer)
                {
                    s.UseSqlServer(store.ConnectionString);
                    if (store.Clustered) s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    s.UseSqlite(store.ConnectionString);
                }
                if (store.ProvisionSchema ?? store.IsSqlite) s.ProvisionSchema();
            });
            q.AddCalendar(WorkCalendar.QuartzCalendarName, sp => sp.GetRequiredService<WorkCalendar>().ToQuartzCalendar(),
                AddCalendarOptions.ReplacingAndUpdatingTriggers);
            foreach (var (job, cron) in o.Cron.All())
            {
                q.ScheduleJob<ReminderJob>(
                    t => t.WithIdentity(job, "reminders")
                        .WithCronSchedule(cron, c => c.InTimeZone(zone)
                            // After downtime: fire once now, not once per missed slot (the nudge log dedupes anyway).
                            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                        .WithCalendarName(WorkCalendar.QuartzCalendarName),
                    j => j.WithIdentity(job, "reminders"));
            }
            // Scheduled announcements share this scheduler, so a cluster queues each one once.
            q.ScheduleJob<Announcements.AnnouncementJob>(
                t => t.WithIdentity(Announcements.AnnouncementJob.Name, "announcements")
                    .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()),
                j => j.WithIdentity(Announcements.AnnouncementJob.Name, "announcements"));
            Retention.RetentionSetup.Schedule(q, builder.Configuration, zone);
        });
        builder.Services.AddQuartzHostedService(h => h.WaitForJobsToComplete = true);
    }
}
