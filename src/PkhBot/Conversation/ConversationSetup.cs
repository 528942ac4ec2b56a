using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PkhBot.Conversation;

public static class ConversationSetup
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Channels.Outbox.OutboxSignal>();
        // Replaced by the Telegram sender when a bot token is configured.
        builder.Services.TryAddScoped<Channels.Outbox.IOutboxDrain, Channels.Outbox.NoTelegramDrain>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MessageThrottle>();
        builder.Services.AddSingleton<GroupNotices>();
        // Replaced by the Telegram channel (its bot's t.me link) when a bot token is configured.
        builder.Services.TryAddSingleton<IPrivateChatLink, NoPrivateChatLink>();
        builder.Services.AddSingleton<ConversationPipeline>();
        builder.Services.AddScoped<CallerResolver>();
        builder.Services.AddScoped<MessageRouter>();
        builder.Services.AddCommand<HelpCommand>();
        return builder;
    }

    public static IServiceCollection AddCommand<T>(this IServiceCollection services) where T : class, ICommandHandler
        => services.AddScoped<ICommandHandler, T>();

    public static IServiceCollection AddCallback<T>(this IServiceCollection services) where T : class, ICallbackHandler
        => services.AddScoped<ICallbackHandler, T>();

    public static IServiceCollection AddFlow<T>(this IServiceCollection services) where T : class, IFlowHandler
        => services.AddScoped<IFlowHandler, T>();

    /// <summary>Network-bound work before the transaction (see <see cref="IPreparer"/>), run in registration order.</summary>
    public static IServiceCollection AddPreparer<T>(this IServiceCollection services) where T : class, IPreparer
        => services.AddScoped<IPreparer, T>();

    public static IServiceCollection AddFreeText<T>(this IServiceCollection services) where T : class, IFreeTextHandler
        => services.AddScoped<IFreeTextHandler, T>();
}
