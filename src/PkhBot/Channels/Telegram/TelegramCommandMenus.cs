using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Onboarding;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// The "/" menu in Telegram, per role: the default scope shows the public (KPM) commands; each bound pendamping,
/// koordinator and admin gets a per-chat menu of their role's commands. Set once at start (a few calls, within the
/// global rate limit) and again through <see cref="SetForChatAsync"/> when an identity binds.
/// </summary>
public sealed partial class TelegramCommandMenus(
    ITelegramBotClient bot,
    IServiceScopeFactory scopes,
    TelegramRateLimiter limiter,
    TimeProvider clock,
    IOptions<TelegramOptions> options,
    ILogger<TelegramCommandMenus> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.SetCommandMenus) return;
        try
        {
            await SetAllAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A menu is a convenience: /bantuan works without it. Never stop the worker for it.
            LogFailed(ex.GetType().Name);
        }
    }

    public async Task SetAllAsync(CancellationToken ct)
    {
        List<(long ChatId, Role Role)> chats;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            chats = (await db.Identities.AsNoTracking()
                    .Where(i => i.Channel == "telegram" && !i.Unreachable && i.ChatId > 0
                                && (i.Role == Role.Pendamping || i.Role == Role.Koordinator || i.Role == Role.Admin))
                    .Select(i => new { i.ChatId, i.Role })
                    .ToListAsync(ct))
                .Select(x => (x.ChatId, x.Role)).ToList();
        }
        await CallAsync(() => bot.SetMyCommands(Commands(Role.Kpm), new BotCommandScopeDefault(), cancellationToken: ct), 0, ct);
        foreach (var (chatId, role) in chats)
            await SetForChatAsync(chatId, role, ct);
        LogSet(chats.Count);
    }

    public Task SetForChatAsync(long chatId, Role role, CancellationToken ct)
        => CallAsync(() => bot.SetMyCommands(Commands(role), new BotCommandScopeChat { ChatId = chatId }, cancellationToken: ct), chatId, ct);

    private BotCommand[] Commands(Role role)
    {
        using var scope = scopes.CreateScope();
        return HelpCommand.ForRole(scope.ServiceProvider.GetServices<ICommandHandler>(), role)
            .Select(s => new BotCommand { Command = s.Name, Description = s.Description.Length > 256 ? s.Description[..256] : s.Description })
            .ToArray();
    }

    private async Task CallAsync(Func<Task> call, long chatId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            RateDecision d;
            while (!(d = limiter.TryAcquire(chatId, chatMessage: false)).Allowed)
                await Task.Delay(d.Wait, clock, ct);
            try
            {
                await call();
                return;
            }
            catch (global::Telegram.Bot.Exceptions.ApiRequestException ex) when (ex.ErrorCode == 429 && attempt < 5)
            {
                limiter.PauseAll(TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1));
            }
            catch (global::Telegram.Bot.Exceptions.ApiRequestException ex) when (ex.ErrorCode is 400 or 403 && chatId != 0)
            {
                return;   // this chat is gone; the others still get their menu
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram command menus set (default + {Chats} per-chat)")]
    private partial void LogSet(int chats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the Telegram command menus failed ({ErrorType})")]
    private partial void LogFailed(string errorType);
}
