using PkhBot.Conversation;

namespace PkhBot.Announcements;

public static class AnnouncementsSetup
{
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<AnnouncementQueue>();
        s.AddCommand<StopCommand>();
        s.AddCommand<ResumeCommand>();
        s.AddFreeText<StopWordHandler>();
        s.AddCommand<AnnounceCommand>();
        s.AddFlow<AnnounceFlow>();
        s.AddCallback<AnnounceCallbacks>();
        s.AddCommand<DesaCommand>();
        s.AddCallback<DesaCallbacks>();
        // AnnouncementJob runs on the reminders' Quartz scheduler (see RemindersSetup): one store, one clustering.
        return builder;
    }
}
