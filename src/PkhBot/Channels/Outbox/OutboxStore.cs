using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Channels.Outbox;

/// <summary>
/// The database side of delivery: claim due rows with a lease (so several instances never send one row),
/// renew and release leases, record the outcome. Every write is a single set-based statement.
/// </summary>
public sealed class OutboxStore(IServiceScopeFactory scopes, WriteGate writeGate, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    public const string TelegramChannel = "telegram";

    /// <summary>
    /// Due Pending rows nobody holds, in chats no other instance holds: replies and button answers first, then by age.
    /// A chat is held by whoever holds one of its pending rows or sent to it last, until <c>LockedUntil</c> (a sent
    /// row keeps its sender's lease for the chat's interval, see <see cref="MarkSentAsync"/>), so with several
    /// instances on one database a chat's messages leave one instance at a time, paced by that instance's limiter.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string owner, int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        // Only the UPDATE takes the writer's turn: reading never waits for a writer (WAL), and the UPDATE checks
        // again that each row is still free, so a row another instance took in between is simply not ours.
        var ids = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.Channel == TelegramChannel && m.NotBefore <= now
                        && (m.LockedUntil == null || m.LockedUntil < now)
                        && !db.Outbox.Any(o => o.ChatId == m.ChatId && o.LockedUntil >= now && o.LockedBy != owner))
            .OrderBy(m => m.Kind == OutboxKind.Reply || m.Kind == OutboxKind.CallbackAnswer ? 0 : 1)
            .ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(ct);
        if (ids.Count == 0) return [];
        var until = now + Lease;
        using (await writeGate.EnterAsync(db, ct))
        {
            await db.Outbox
                .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now)
                            // Checked again in the one writer's turn: another instance may have taken the chat meanwhile.
                            && !db.Outbox.Any(o => o.ChatId == m.ChatId && o.LockedUntil >= now && o.LockedBy != owner))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.LockedBy, owner), ct);
        }
        return await db.Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.LockedBy == owner && m.Status == OutboxStatus.Pending)
            .ToListAsync(ct);
    }

    public async Task RenewAsync(string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(db, ct);
        var until = clock.GetUtcNow() + Lease;
        await db.Outbox.Where(m => m.LockedBy == owner && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);
    }

    /// <summary>Hands held rows back (graceful stop), so the next start or another instance sends them at once.</summary>
    public async Task ReleaseAllAsync(string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.Outbox.Where(m => m.LockedBy == owner && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
    }

    /// <summary>Records a failed attempt while this instance keeps the row (for whoever looks at the row; nothing counts them).</summary>
    public async Task RecordRetryAsync(long id, int attempts, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error), ct);
    }

    public sealed record SentRow(long Id, int Attempts, int? TelegramMessageId);

    /// <summary>
    /// Every send confirmed since the last look, in one statement batch. The attachment goes (an exported spreadsheet
    /// is not kept once delivered). The row keeps <paramref name="owner"/>'s lease for <paramref name="chatHold"/>: no
    /// other instance sends to the chat before its interval has passed (see <see cref="ClaimAsync"/>).
    /// </summary>
    public async Task MarkSentAsync(IReadOnlyCollection<SentRow> rows, string owner, TimeSpan chatHold, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        foreach (var r in rows)
        {
            // A stub with only the key: EF updates exactly the columns marked modified, without reading the row.
            var entry = db.Outbox.Attach(new OutboxMessage { Id = r.Id });
            entry.Entity.Status = OutboxStatus.Sent;
            entry.Entity.SentAt = now;
            entry.Entity.Attempts = r.Attempts;
            entry.Entity.TelegramMessageId = r.TelegramMessageId;
            entry.Entity.LockedUntil = now + chatHold;
            entry.Entity.LockedBy = owner;
            entry.Entity.Attachment = null;
            foreach (var p in new[] { nameof(OutboxMessage.Status), nameof(OutboxMessage.SentAt), nameof(OutboxMessage.Attempts),
                         nameof(OutboxMessage.TelegramMessageId), nameof(OutboxMessage.LockedUntil), nameof(OutboxMessage.LockedBy),
                         nameof(OutboxMessage.Attachment) })
                entry.Property(p).IsModified = true;
        }
        // Only the save takes the writer's turn: attaching the stubs is CPU alone.
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkFailedAsync(long id, int attempts, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
    }

    /// <summary>
    /// 403: this row and every other pending message to the chat are unreachable, and so is the identity behind it
    /// (cleared when the user writes again). Returns the ids of all rows marked.
    /// </summary>
    public async Task<List<long>> MarkChatUnreachableAsync(long chatId, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        using var writing = await writeGate.EnterAsync(db, ct);
        // Rows and identity together: whoever looks sees both marked or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Outbox
            .Where(m => m.ChatId == chatId && m.Channel == TelegramChannel && m.Status == OutboxStatus.Pending && m.Kind != OutboxKind.CallbackAnswer)
            .Select(m => m.Id).ToListAsync(ct);
        await db.Outbox.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Unreachable).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
        await db.Identities.Where(i => i.ChatId == chatId && i.Channel == TelegramChannel)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Unreachable, true), ct);
        await tx.CommitAsync(ct);
        return ids;
    }

    public const string ExpiredError = "expired";

    /// <summary>
    /// Gives up pending messages queued before <paramref name="cutoff"/>: marked Failed ("expired"). Rows another
    /// instance holds are left to it, and so are this instance's calls in flight (<paramref name="inFlight"/>).
    /// Returns the ids given up.
    /// </summary>
    public async Task<List<long>> ExpireAsync(string owner, DateTimeOffset cutoff, IReadOnlyCollection<long> inFlight, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var now = clock.GetUtcNow();
        var ids = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.Channel == TelegramChannel && m.CreatedAt < cutoff
                        && (m.LockedUntil == null || m.LockedUntil < now || m.LockedBy == owner))
            .Select(m => m.Id).ToListAsync(ct);
        ids.RemoveAll(inFlight.Contains);
        if (ids.Count == 0) return ids;
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now || m.LockedBy == owner))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, ExpiredError)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
        return ids;
    }

    /// <summary>Queues <paramref name="html"/> to every admin who can be reached on Telegram; returns how many.</summary>
    public async Task<int> QueueToAdminsAsync(string html, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var chats = await db.Identities
            .Where(i => i.Role == Onboarding.Role.Admin && i.Channel == TelegramChannel && !i.Unreachable)
            .Select(i => i.ChatId).Distinct().ToListAsync(ct);
        if (chats.Count == 0) return 0;
        var now = clock.GetUtcNow();
        foreach (var chat in chats)
            db.Outbox.Add(OutboxMessageFactory.Create(TelegramChannel, chat, new Conversation.Reply(html), OutboxKind.Nudge, now));
        using var writing = await writeGate.EnterAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return chats.Count;
    }

    public async Task<int> CountPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        return await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Channel == TelegramChannel, ct);
    }
}
