using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// Re-processes updates that were stored but not finished (the host died mid-way, or the database failed),
/// from the payload kept in the inbox (NIKs already masked; a shared phone number cut, so a retried contact asks again).
/// Rows still leased by a live processor are left alone. A retried update goes through its user's lane, behind
/// anything of that user already waiting.
/// </summary>
public sealed partial class InboxRetryWorker(
    IServiceScopeFactory scopes,
    TelegramInbox inbox,
    TimeProvider clock,
    ILogger<InboxRetryWorker> log) : BackgroundService
{
    /// <summary>Younger rows are most likely being processed right now.</summary>
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RetryDueAsync(stoppingToken);
                failures = 0;
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogRetryLoopFailed(ex.GetType().Name, failures);
                try { await Task.Delay(Backoff.Delay(failures, Interval, TimeSpan.FromMinutes(1)), clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>One pass: returns how many updates were taken over.</summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        List<(long Id, string Payload)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            var now = clock.GetUtcNow();
            var before = now - MinAge;
            due = (await db.Inbox.AsNoTracking()
                    .Where(i => i.Status == InboxStatus.Pending && i.ReceivedAt <= before && (i.LockedUntil == null || i.LockedUntil < now))
                    .OrderBy(i => i.UpdateId)
                    .Select(i => new { i.UpdateId, i.Payload })
                    .Take(50)
                    .ToListAsync(ct))
                .Select(x => (x.UpdateId, x.Payload)).ToList();
        }
        var taken = 0;
        foreach (var (id, payload) in due)
        {
            if (ct.IsCancellationRequested) break;
            // Waiting in one of this process's lanes (its lease is renewed there): not abandoned.
            if (inbox.Holds(id) || !await inbox.TryClaimAsync(id, MinAge, ct)) continue;
            taken++;
            LogRetrying(id);
            var update = Read(payload);
            if (update is null || update.Id != id) update = new Update { Id = (int)id };   // unreadable: mapped to "ignored"
            await inbox.ProcessClaimedAsync(update, CancellationToken.None);
        }
        return taken;
    }

    private static Update? Read(string payload)
    {
        try { return JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options); }
        catch (JsonException) { return null; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying unfinished update {UpdateId} from the inbox")]
    private partial void LogRetrying(long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox retry pass failed ({ErrorType}), failure {Failures}")]
    private partial void LogRetryLoopFailed(string errorType, int failures);
}
