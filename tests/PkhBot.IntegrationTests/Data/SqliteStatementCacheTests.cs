using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Data;

/// <summary>
/// The same SQL run again and again on one open SQLite connection reuses its prepared statement: each run must still
/// see its own parameters, a nested run of the same text must work, and a failed run must not spoil the next.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Repeated_inserts_and_lookups_in_one_transaction_each_use_their_own_values()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        for (var id = 1; id <= 20; id++)
        {
            db.ChangeTracker.Clear();
            db.Inbox.Add(Update(id, $"payload {id}"));
            await db.SaveChangesAsync();
        }
        for (var id = 20; id >= 1; id--)
        {
            db.ChangeTracker.Clear();
            var found = await db.Inbox.SingleAsync(i => i.UpdateId == id);
            Assert.Equal($"payload {id}", found.Payload);
        }
        await tx.CommitAsync();

        var stored = await _app.WithDbAsync(d => d.Inbox.AsNoTracking().OrderBy(i => i.UpdateId).Select(i => i.Payload).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Select(id => $"payload {id}"), stored);
    }

    [Fact]
    public async Task The_same_query_inside_its_own_open_reader_still_runs()
    {
        await _app.WithDbAsync(async d =>
        {
            d.Inbox.AddRange(Update(1, "a"), Update(2, "b"), Update(3, "c"));
            await d.SaveChangesAsync();
        });
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        await db.Database.OpenConnectionAsync();

        // One query shape, so the outer and the inner run the very same SQL text.
        IQueryable<InboxUpdate> After(long from) => db.Inbox.AsNoTracking().Where(i => i.UpdateId > from).OrderBy(i => i.UpdateId);
        var pairs = new List<string>();
        await foreach (var outer in After(0).AsAsyncEnumerable())
        {
            // Asked while the outer reader is still open: the kept statement is busy, so this one runs apart.
            var inner = await After(outer.UpdateId).ToListAsync();
            pairs.Add(outer.Payload + ":" + string.Concat(inner.Select(i => i.Payload)));
        }

        Assert.Equal(["a:bc", "b:c", "c:"], pairs);
    }

    [Fact]
    public async Task A_failed_insert_does_not_spoil_the_next_one_on_the_same_connection()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        await db.Database.OpenConnectionAsync();
        db.Inbox.Add(Update(7, "first"));
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        db.Inbox.Add(Update(7, "same id again"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Inbox.Add(Update(8, "second"));
        await db.SaveChangesAsync();
        await db.Database.CloseConnectionAsync();

        // Closed and opened again (the pool's native connection): the statements are prepared afresh.
        db.ChangeTracker.Clear();
        db.Inbox.Add(Update(9, "third"));
        await db.SaveChangesAsync();
        var stored = await _app.WithDbAsync(d => d.Inbox.AsNoTracking().OrderBy(i => i.UpdateId).Select(i => i.Payload).ToListAsync());
        Assert.Equal(["first", "second", "third"], stored);
    }

    private static InboxUpdate Update(long id, string payload)
        => new() { UpdateId = id, Payload = payload, Status = InboxStatus.Pending, ReceivedAt = TimeProvider.System.GetUtcNow() };
}
