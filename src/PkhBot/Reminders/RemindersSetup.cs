namespace PkhBot.Reminders;

public static class RemindersSetup
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
