using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// The inbox's side of the pipeline's transaction: which updates are already finished, and marking them finished with
/// their effects. A finished update keeps only its id, status and times: the payload (the user's words) is cleared,
/// since exactly-once needs the id alone.
/// </summary>
public sealed class TelegramInboxLedger : IUpdateLedger
{
    public async Task<IReadOnlySet<long>> FinishedAsync(PkhDbContext db, IReadOnlyCollection<long> updateIds, CancellationToken ct)
        => (await db.Inbox.AsNoTracking()
                .Where(i => updateIds.Contains(i.UpdateId) && i.Status != InboxStatus.Pending)
                .Select(i => i.UpdateId).ToListAsync(ct))
            .ToHashSet();

    public async Task FinishAsync(PkhDbContext db, IReadOnlyCollection<FinishedUpdate> updates, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var fate in new[] { UpdateFate.Done, UpdateFate.Dropped })
        {
            var ids = updates.Where(u => u.Fate == fate).Select(u => u.UpdateId).ToList();
            if (ids.Count == 0) continue;
            var status = fate == UpdateFate.Done ? InboxStatus.Done : InboxStatus.Dropped;
            await db.Inbox.Where(i => ids.Contains(i.UpdateId)).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Status, status).SetProperty(i => i.ProcessedAt, now).SetProperty(i => i.Attempts, i => i.Attempts + 1)
                .SetProperty(i => i.Payload, "").SetProperty(i => i.LockedUntil, (DateTimeOffset?)null), ct);
        }
        foreach (var failed in updates.Where(u => u.Fate == UpdateFate.Failed))
        {
            // Kept with its payload, for an operator to look at; the error is masked by the pipeline.
            await db.Inbox.Where(i => i.UpdateId == failed.UpdateId).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Status, InboxStatus.Failed).SetProperty(i => i.ProcessedAt, now).SetProperty(i => i.Attempts, i => i.Attempts + 1)
                .SetProperty(i => i.LastError, failed.Error).SetProperty(i => i.LockedUntil, (DateTimeOffset?)null), ct);
        }
    }
}
