using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Channels.Outbox;

/// <summary>
/// The outbox's API for features that queue many messages at once (the reminders' nudges): rows made by
/// <see cref="OutboxMessageFactory"/>, written inside the caller's transaction, ids set on return. On SQLite one
/// prepared statement built from the EF model (<see cref="SqliteBulkInsert{T}"/>); elsewhere EF, which batches.
/// </summary>
public sealed class OutboxBulkInsert : IAsyncDisposable
{
    private readonly PkhDbContext _db;
    private readonly SqliteBulkInsert<OutboxMessage>? _sqlite;

    private OutboxBulkInsert(PkhDbContext db, SqliteBulkInsert<OutboxMessage>? sqlite)
    {
        _db = db;
        _sqlite = sqlite;
    }

    /// <summary>Starts a bulk insert on <paramref name="db"/>; a transaction must be open on it.</summary>
    public static OutboxBulkInsert Begin(PkhDbContext db)
        => new(db, db.Database.IsSqlite() ? SqliteBulkInsert<OutboxMessage>.Create(db) : null);

    /// <summary>Writes <paramref name="messages"/> (on SQLite at once; elsewhere at the caller's next SaveChanges or <see cref="FlushAsync"/>).</summary>
    public async Task AddAsync(IEnumerable<OutboxMessage> messages, CancellationToken ct)
    {
        if (_sqlite is null)
        {
            _db.Outbox.AddRange(messages);
            return;
        }
        foreach (var m in messages) await _sqlite.InsertAsync(m, ct);
    }

    /// <summary>Every added row has its id after this.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_sqlite is null) await _db.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync() => _sqlite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
