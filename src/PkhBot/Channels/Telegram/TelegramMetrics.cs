namespace PkhBot.Channels.Telegram;

/// <summary>
/// Counters of the Telegram channel, kept by the poller, webhook and sender. A plain singleton so that the
/// operations feature can publish them as OpenTelemetry instruments (observable counters read these values).
/// </summary>
public sealed class TelegramMetrics
{
    private long _updatesReceived, _updatesProcessed, _duplicates, _ignored, _pollErrors;
    private long _sent, _tooManyRequests, _retries, _failed, _unreachable, _expired;

    public long UpdatesReceived => Interlocked.Read(ref _updatesReceived);
    public long UpdatesProcessed => Interlocked.Read(ref _updatesProcessed);
    public long DuplicateUpdates => Interlocked.Read(ref _duplicates);
    public long IgnoredUpdates => Interlocked.Read(ref _ignored);
    public long PollErrors => Interlocked.Read(ref _pollErrors);
    public long Sent => Interlocked.Read(ref _sent);
    public long TooManyRequests => Interlocked.Read(ref _tooManyRequests);
    public long Retries => Interlocked.Read(ref _retries);
    public long Failed => Interlocked.Read(ref _failed);
    public long Unreachable => Interlocked.Read(ref _unreachable);
    /// <summary>Messages given up because they were older than <c>Telegram:GiveUpAfterHours</c>.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>Last successful call to the Bot API (poll or send); null before the first. For the readiness check.</summary>
    public DateTimeOffset? LastApiSuccess { get; private set; }

    internal void UpdateReceived() => Interlocked.Increment(ref _updatesReceived);
    internal void UpdateProcessed() => Interlocked.Increment(ref _updatesProcessed);
    internal void DuplicateUpdate() => Interlocked.Increment(ref _duplicates);
    internal void IgnoredUpdate() => Interlocked.Increment(ref _ignored);
    internal void PollError() => Interlocked.Increment(ref _pollErrors);
    internal void MessageSent() => Interlocked.Increment(ref _sent);
    internal void RateLimited() => Interlocked.Increment(ref _tooManyRequests);
    internal void Retried() => Interlocked.Increment(ref _retries);
    internal void MessageFailed() => Interlocked.Increment(ref _failed);
    internal void ChatUnreachable() => Interlocked.Increment(ref _unreachable);
    internal void MessagesExpired(int count) => Interlocked.Add(ref _expired, count);
    internal void ApiSucceeded(DateTimeOffset at) => LastApiSuccess = at;
}
