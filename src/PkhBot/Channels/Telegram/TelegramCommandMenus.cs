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
/// global rate limit); then every <see cref="TelegramOptions.MenuRefreshSeconds"/> the identities active since the last
/// look are compared with the menus already set, so a user who just redeemed an invite gets their menu without any
/// call from the onboarding code. Cheap: one small query, and calls only for the chats whose role changed.
/// </summary>
public sealed partial class TelegramCommandMenus(
    ITelegramBotClient bot,
    IServiceScopeFactory scopes,
    TelegramRateLimiter limiter,
    TimeProvider clock,
    IOptions<TelegramOptions> options,
    ILogger<TelegramCommandMenus> log) : BackgroundService
{
    /// <summary>The menu role set per chat by this process (public users are not listed).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Role> _set = new();
    private DateTimeOffset _lastLook = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.SetCommandMenus) return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
                failures = 0;
                await Task.Delay(TimeSpan.FromSeconds(options.Value.MenuRefreshSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A menu is a convenience (/bantuan works without it): log, wait, try again; never stop the worker.
                failures++;
                LogFailed(ex.GetType().Name);
                try { await Task.Delay(Backoff.Delay(failures, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)), clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>First call: the default menu and every bound non-public chat. Later calls: only chats whose role changed.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var first = _lastLook == DateTimeOffset.MinValue;
        var since = first ? _lastLook : _lastLook - TimeSpan.FromSeconds(5);   // overlap: a commit racing the previous look is not missed
        var now = clock.GetUtcNow();
        List<(long ChatId, Role Role)> chats;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            var q = db.Identities.AsNoTracking().Where(i => i.Channel == "telegram" && i.ChatId > 0);
            q = first
                ? q.Where(i => !i.Unreachable && (i.Role == Role.Pendamping || i.Role == Role.Koordinator || i.Role == Role.Admin))
                : q.Where(i => i.LastSeenAt >= since || i.CreatedAt >= since);
            chats = (await q.Select(i => new { i.ChatId, i.Role }).ToListAsync(ct)).Select(x => (x.ChatId, x.Role)).ToList();
        }
        if (first) await CallAsync(() => bot.SetMyCommands(Commands(Role.Kpm), new BotCommandScopeDefault(), cancellationToken: ct), 0, ct);
        var changed = 0;
        foreach (var (chatId, role) in chats)
        {
            var menuRole = IsPublic(role) ? Role.Kpm : role;
            var current = _set.TryGetValue(chatId, out var r) ? r : Role.Kpm;
            if (menuRole == current) continue;
            await SetForChatAsync(chatId, menuRole, ct);
            changed++;
        }
        _lastLook = now;
        if (changed > 0 || first) LogSet(changed);
    }

    public async Task SetForChatAsync(long chatId, Role role, CancellationToken ct)
    {
        await CallAsync(() => bot.SetMyCommands(Commands(role), new BotCommandScopeChat { ChatId = chatId }, cancellationToken: ct), chatId, ct);
        if (IsPublic(role)) _set.TryRemove(chatId, out _);
        else _set[chatId] = role;
    }

    private static bool IsPublic(Role role) => role is Role.None or Role.Kpm;

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
            finally
            {
                limiter.Delivered(chatId, chatMessage: false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram command menus set for {Chats} chats")]
    private partial void LogSet(int chats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the Telegram command menus failed ({ErrorType})")]
    private partial void LogFailed(string errorType);
}
