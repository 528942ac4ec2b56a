using System.Text.Json.Serialization.Metadata;
using global::Telegram.Bot;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;

namespace PkhBot.Channels.Telegram;

public static class TelegramSetup
{
    public const string HttpClientName = "telegram";

    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelegramOptions.SectionName);
        var options = builder.Services.AddOptions<TelegramOptions>().Bind(section);
        var isWorker = builder.GetMode() == AppMode.Worker;
        // Only the worker talks to Telegram on its own; chat and tool verbs must run without a token.
        if (isWorker)
        {
            builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
            options.ValidateOnStart();
        }

        var settings = section.Get<TelegramOptions>() ?? new TelegramOptions();
        builder.Services.AddSingleton<TelegramMetrics>();
        builder.Services.AddSingleton<TelegramBotInfo>();
        builder.Services.Replace(ServiceDescriptor.Singleton<Conversation.IPrivateChatLink>(sp => sp.GetRequiredService<TelegramBotInfo>()));
        builder.Services.AddSingleton<TelegramInboxLedger>();
        if (!settings.HasToken) return builder;
        UseGeneratedJsonMetadata();

        builder.Services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                // Above the long-poll timeout; sends carry their own shorter timeout.
                http.Timeout = TimeSpan.FromSeconds(o.PollTimeoutSeconds + 30);
            })
            // The default HttpClient logs print request URLs, and Telegram puts the token in every URL.
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? null : o.ApiBaseUrl;
                // RetryThreshold = 0: a 429 surfaces to us, so the sender can pause everything (not just one call).
                return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, baseUrl) { RetryThreshold = 0 }, http);
            });

        builder.Services.AddSingleton<TelegramRateLimiter>();
        builder.Services.AddSingleton<TelegramInbox>();
        builder.Services.AddTransient<TelegramMessageSender>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddTransient<OutboxDispatcher>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IOutboxDrain, TelegramOutboxDrain>());
        builder.Services.AddSingleton<TelegramCommandMenus>();

        if (isWorker)
        {
            builder.Services.AddHostedService<OutboxSender>();
            builder.Services.AddHostedService<InboxRetryWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TelegramCommandMenus>());
            if (settings.Mode == TelegramMode.Webhook) builder.Services.AddHostedService<TelegramWebhookRegistration>();
            else builder.Services.AddHostedService<TelegramPoller>();
        }
        return builder;
    }

    /// <summary>
    /// Telegram.Bot ships source-generated JSON metadata for every Bot API type but leaves its shared options on
    /// reflection, which emits an accessor per property of the whole Update graph at the first getUpdates answer
    /// (a large share of an idle bot's memory: tests/PkhBot.Bench/README.md). The generated metadata goes first; reflection stays behind it for any
    /// type the library's context does not list. Updates and messages are read into the fields the bot reads
    /// (<see cref="UpdateMapper.KeepReadFields"/>). The options freeze at first use, so this runs before any client exists.
    /// </summary>
    private static void UseGeneratedJsonMetadata()
    {
        if (JsonBotAPI.Options.IsReadOnly) return;
        JsonBotAPI.Options.TypeInfoResolver = JsonContract();
    }

    internal static IJsonTypeInfoResolver JsonContract()
        => JsonTypeInfoResolver.Combine(JsonBotSerializerContext.Default, new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(UpdateMapper.KeepReadFields);

    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        var o = app.Configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        if (app.Services.GetRequiredService<AppModeHolder>().Mode == AppMode.Worker && o.HasToken && o.Mode == TelegramMode.Webhook)
            TelegramWebhook.Map(app, o);
        return app;
    }
}
