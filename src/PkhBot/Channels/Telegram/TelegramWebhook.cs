using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// Webhook mode: Telegram posts each update here with our secret in X-Telegram-Bot-Api-Secret-Token. The update is
/// stored in the inbox (several instances behind one proxy share the database, so a retried update is processed
/// once) and processed before answering 200; a failure after it is stored still answers 200 (the retry worker has it).
/// </summary>
public static partial class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static void Map(WebApplication app, TelegramOptions options)
    {
        app.MapPost(options.WebhookPath, HandleAsync).DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TelegramInbox inbox, IOptions<TelegramOptions> options, ILoggerFactory logs)
    {
        var log = logs.CreateLogger(typeof(TelegramWebhook).FullName!);
        var expected = options.Value.WebhookSecret ?? "";
        if (!http.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1)
        {
            LogRejected(log, "missing secret");
            return Results.Unauthorized();
        }
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            LogRejected(log, "wrong secret");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(http.RequestAborted);
        Update? update;
        try { update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options); }
        catch (JsonException) { update = null; }
        if (update is null || update.Id <= 0)
        {
            LogRejected(log, "not an update");
            return Results.BadRequest();
        }
        // Not the request's token: once stored, the update is finished even if Telegram hangs up.
        await inbox.ReceiveAsync(update, CancellationToken.None);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook request rejected: {Reason}")]
    private static partial void LogRejected(ILogger log, string reason);
}

/// <summary>Registers the webhook with Telegram at start (retrying with back-off until it succeeds).</summary>
public sealed partial class TelegramWebhookRegistration(
    ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider clock, TelegramMetrics metrics,
    ILogger<TelegramWebhookRegistration> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await bot.SetWebhook(o.WebhookUrl!, secretToken: o.WebhookSecret, allowedUpdates: TelegramPoller.AllowedUpdates,
                    dropPendingUpdates: false, cancellationToken: stoppingToken);
                metrics.ApiSucceeded(clock.GetUtcNow());
                LogRegistered();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogFailed(ex.GetType().Name, failures);
                try { await Task.Delay(Backoff.Delay(failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook registered")]
    private partial void LogRegistered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the Telegram webhook failed ({ErrorType}), failure {Failures}")]
    private partial void LogFailed(string errorType, int failures);
}
