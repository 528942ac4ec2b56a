using Microsoft.Extensions.Options;
using PkhBot.Announcements;
using PkhBot.Channels.Console;
using PkhBot.Channels.Telegram;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Ai;
using PkhBot.Households;
using PkhBot.Knowledge;
using PkhBot.Onboarding;
using PkhBot.Operations;
using PkhBot.Reminders;
using PkhBot.Ppse;
using PkhBot.Reconciliation;
using PkhBot.Referrals;
using PkhBot.Reporting;
using PkhBot.Retention;

namespace PkhBot;

public enum AppMode
{
    /// <summary>`run`: Telegram channel, sender, scheduler, health endpoints.</summary>
    Worker,
    /// <summary>`chat`: the console channel; no Telegram, no scheduler.</summary>
    Chat,
    /// <summary>One-shot verbs (import, ask, jobs run...): services only, no background work.</summary>
    Tool,
}

/// <summary>Builds the one host every verb uses; reads like the table of contents of the bot.</summary>
public static class AppHost
{
    public static WebApplication Build(AppMode mode, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        // Slim: no IIS integration, HTTPS, HTTP/3 or Debug/EventSource loggers, which a bot listening on local HTTP
        // behind a proxy never uses (memory an idle bot would hold). HTTPS comes back when a URL asks for it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (AsksForHttps(builder.Configuration)) builder.WebHost.UseKestrelHttpsConfiguration();
        ((IHostApplicationBuilder)builder).Properties[typeof(AppMode)] = mode;
        builder.Services.AddSingleton(new AppModeHolder(mode));
        // Verbs talk to a person on the console: only real problems belong there, not framework chatter.
        if (mode != AppMode.Worker)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
            // stdout belongs to the conversation and to `ask --json`: log lines go to stderr.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        configure?.Invoke(builder);

        builder.AddData();
        builder.AddConversation();
        builder.AddOnboarding();
        builder.AddHouseholds();
        builder.AddReconciliation();
        builder.AddReferrals();
        builder.AddPpse();
        builder.AddAi();
        builder.AddReporting();
        builder.AddKnowledge();
        builder.AddReminders();
        builder.AddRetention();
        builder.AddAnnouncements();
        builder.AddTelegram();
        builder.AddConsoleChannel();
        builder.AddOperations();

        var app = builder.Build();
        app.MapTelegramWebhook();
        app.MapOperations();
        return app;
    }

    /// <summary>Any listening address (urls, Operations:Urls, Kestrel endpoints) on https://.</summary>
    public static bool AsksForHttps(IConfiguration configuration)
        => new[] { configuration["urls"], configuration[$"{OperationsOptions.SectionName}:Urls"] }
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]))
            .Any(u => u?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true);

    public static AppMode GetMode(this IHostApplicationBuilder builder)
        => builder.Properties.TryGetValue(typeof(AppMode), out var m) && m is AppMode mode ? mode : AppMode.Tool;

    /// <summary>ValidateOnStart only runs when a host starts; tool verbs call this instead.</summary>
    public static void ValidateOptions(this IServiceProvider services)
        => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Migrates (SQLite by default) and validates options: what every verb needs before it touches data.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct)
    {
        app.Services.ValidateOptions();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().EnsureReadyAsync(ct);
    }
}

public sealed record AppModeHolder(AppMode Mode);
