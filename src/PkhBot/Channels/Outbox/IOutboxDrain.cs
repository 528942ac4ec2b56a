namespace PkhBot.Channels.Outbox;

/// <summary>
/// Delivers what is due in the outbox now and returns how many were sent. Used by one-shot verbs
/// (`jobs run`) that queue messages and must deliver them before exiting; the worker uses the sender loop.
/// </summary>
public interface IOutboxDrain
{
    Task<DrainReport> DrainAsync(CancellationToken ct);
}

public sealed record DrainReport(int Sent, int Unreachable, int Failed, int StillPending);

/// <summary>Used when no Telegram token is configured: nothing can be delivered, everything stays queued.</summary>
public sealed class NoTelegramDrain(Data.PkhDbContext db) : IOutboxDrain
{
    public async Task<DrainReport> DrainAsync(CancellationToken ct)
    {
        var pending = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Outbox, m => m.Status == OutboxStatus.Pending && m.Channel == "telegram", ct);
        return new DrainReport(0, 0, 0, pending);
    }
}
