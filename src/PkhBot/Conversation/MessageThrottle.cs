using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PkhBot.Conversation;

/// <summary>
/// Per-user message limit, checked before any work is done for a message (no transaction, no LLM): a minute's window
/// from the user's first message in it. Staff get a higher limit; who is staff is only looked up for a user who is
/// already past the lower one. In memory: a restart forgets the windows, which costs at most one minute's allowance.
/// </summary>
public sealed class MessageThrottle(IOptions<ConversationOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, UserWindow> _windows = new();
    private long _checks;

    private sealed class UserWindow
    {
        public DateTimeOffset Start;
        public int Count;
        public bool Told;
        public bool? Staff;
    }

    /// <param name="isStaff">Asked (once per window) only when the user is past the lower limit.</param>
    public async Task<ThrottleVerdict> CheckAsync(long userId, Func<CancellationToken, Task<bool>> isStaff, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _checks) % 4096 == 0) Forget(now);
        var w = _windows.GetOrAdd(userId, _ => new UserWindow { Start = now });
        int count;
        bool? staff;
        lock (w)
        {
            if (now - w.Start >= Window || now < w.Start)
            {
                w.Start = now;
                w.Count = 0;
                w.Told = false;
                w.Staff = null;
            }
            count = ++w.Count;
            staff = w.Staff;
        }
        var o = options.Value;
        if (count <= Math.Min(o.MaxMessagesPerMinute, o.MaxMessagesPerMinuteStaff)) return ThrottleVerdict.Pass;
        if (staff is null)
        {
            staff = await isStaff(ct);
            lock (w) w.Staff = staff;
        }
        if (count <= (staff.Value ? o.MaxMessagesPerMinuteStaff : o.MaxMessagesPerMinute)) return ThrottleVerdict.Pass;
        lock (w)
        {
            if (w.Told) return ThrottleVerdict.Drop;
            w.Told = true;
            return ThrottleVerdict.Notice;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (user, w) in _windows)
            if (now - w.Start >= Window) _windows.TryRemove(user, out _);
    }
}
