namespace PkhBot.Channels.Telegram;

public static class TelegramSetup
{
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        return app;
    }
}
