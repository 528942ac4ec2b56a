namespace PkhBot.Announcements;

public static class AnnouncementsSetup
{
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
