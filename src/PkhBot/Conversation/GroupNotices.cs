using System.Collections.Concurrent;

namespace PkhBot.Conversation;

/// <summary>
/// The "only in a private chat" notice in a group is said once per user and group in <see cref="Window"/>, not to every
/// message: a group must not fill up with the bot's notices.
/// </summary>
public sealed class GroupNotices(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(long User, long Chat), DateTimeOffset> _told = new();

    /// <summary>True when this user has not been told in this group within the window (and records that they now are).</summary>
    public bool ShouldTell(long userId, long chatId)
    {
        var now = clock.GetUtcNow();
        if (_told.Count > 10_000)
            foreach (var (key, at) in _told)
                if (now - at >= Window) _told.TryRemove(key, out _);
        var told = false;
        _told.AddOrUpdate((userId, chatId), _ => { told = true; return now; }, (_, at) =>
        {
            if (now - at < Window && now >= at) return at;
            told = true;
            return now;
        });
        return told;
    }
}
