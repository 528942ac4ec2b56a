using global::Telegram.Bot;
using Microsoft.Extensions.Options;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// The bot's @username, for deep links (https://t.me/NAME?start=CODE): Telegram:BotUsername when set, otherwise
/// asked once from getMe. Null when there is no token and no setting (the invite verb then prints the bare code).
/// </summary>
public sealed class TelegramBotInfo(IServiceProvider services, IOptions<TelegramOptions> options) : Conversation.IPrivateChatLink
{

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _username;

    public async Task<string?> GetUsernameAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BotUsername)) return options.Value.BotUsername.TrimStart('@');
        if (_username is not null) return _username;
        var bot = services.GetService<ITelegramBotClient>();
        if (bot is null) return null;
        await _gate.WaitAsync(ct);
        try
        {
            return _username ??= (await bot.GetMe(ct)).Username;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For the private-chat notice in a group (asked before the update's transaction; getMe once, then cached).</summary>
    public Task<string?> LinkAsync(CancellationToken ct) => DeepLinkAsync(Conversation.IPrivateChatLink.StartParameter, ct);

    /// <summary>https://t.me/NAME?start=CODE, or null when the username is unknown.</summary>
    public async Task<string?> DeepLinkAsync(string startParameter, CancellationToken ct)
        => await GetUsernameAsync(ct) is { Length: > 0 } name ? $"https://t.me/{name}?start={Uri.EscapeDataString(startParameter)}" : null;
}
