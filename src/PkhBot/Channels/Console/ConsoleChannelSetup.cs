namespace PkhBot.Channels.Console;

public static class ConsoleChannelSetup
{
    public static IHostApplicationBuilder AddConsoleChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConsoleChat>();
        builder.Services.AddScoped<ConsoleIdentity>();
        return builder;
    }
}
