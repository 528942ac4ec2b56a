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

    /// <summary>A command, behind the phone check of Onboarding:RequirePhoneMatch (one place for all of them).</summary>
    public static IServiceCollection AddCommand<T>(this IServiceCollection services) where T : class, ICommandHandler
    {
        services.TryAddScoped<T>();
        return services.AddScoped<ICommandHandler>(sp => new Onboarding.PhoneCheckedCommand(sp.GetRequiredService<T>()));
    }

    /// <summary>A button handler, behind the same phone check.</summary>
    public static IServiceCollection AddCallback<T>(this IServiceCollection services) where T : class, ICallbackHandler
    {
        services.TryAddScoped<T>();
        return services.AddScoped<ICallbackHandler>(sp => new Onboarding.PhoneCheckedCallback(sp.GetRequiredService<T>()));
    }

    public static IServiceCollection AddFlow<T>(this IServiceCollection services) where T : class, IFlowHandler
        => services.AddScoped<IFlowHandler, T>();

    /// <summary>Network-bound work before the transaction (see <see cref="IPreparer"/>), run in registration order.</summary>
    public static IServiceCollection AddPreparer<T>(this IServiceCollection services) where T : class, IPreparer
        => services.AddScoped<IPreparer, T>();

    public static IServiceCollection AddFreeText<T>(this IServiceCollection services) where T : class, IFreeTextHandler
        => services.AddScoped<IFreeTextHandler, T>();
}
