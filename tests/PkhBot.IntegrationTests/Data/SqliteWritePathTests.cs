using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Data;

/// <summary>
/// The running bot's SQLite write path: one writer at a time in-process, WAL copied back in the background.
/// Alone: every other test's TestApp clears the process-wide connection pools when it ends, and SQLite
/// checkpoints when the last connection to a file closes, which would do the checkpointer's work here.
/// </summary>
[Collection(SqliteWritePathTests.Alone)]
public sealed class SqliteWritePathTests
{
    public const string Alone = "sqlite write path, alone";

    [Fact]
    public async Task The_running_bot_leaves_checkpoints_to_the_checkpointer_which_copies_the_wal_into_the_database()
    {
        // Worker mode: commits no longer checkpoint themselves (the checkpointer's loop waits on the fake clock here).
        await using var app = await TestApp.StartAsync(mode: AppMode.Worker);
        var before = new FileInfo(app.DatabasePath).Length;
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < 10_000; i++)
                db.Outbox.Add(OutboxMessageFactory.Create("console", 42, new Reply(new string('x', 500) + i), OutboxKind.Nudge, now));
            await db.SaveChangesAsync();
        });
        Assert.True(new FileInfo(app.DatabasePath + "-wal").Length > 4_000_000, "the rows should sit in the WAL");
        Assert.Equal(before, new FileInfo(app.DatabasePath).Length);

        await app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single().CheckpointAsync(CancellationToken.None);

        Assert.True(new FileInfo(app.DatabasePath).Length > before + 1_000_000, "the checkpoint should copy the rows into the database file");
        Assert.Equal(10_000, await app.WithDbAsync(db => Task.FromResult(db.Outbox.Count(m => m.ChatId == 42))));
    }

    [Fact]
    public async Task Writers_in_one_process_take_turns_on_sqlite_and_go_straight_through_on_sql_server()
    {
        using var sqlite = new WriteGate(Options.Create(new DatabaseOptions { Provider = "Sqlite" }));
        var first = await sqlite.EnterAsync(CancellationToken.None);
        var second = sqlite.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        using var sqlServer = new WriteGate(Options.Create(new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=x" }));
        using var a = await sqlServer.EnterAsync(CancellationToken.None);
        using var b = await sqlServer.EnterAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        // No writer's connection either: a SQL Server context keeps its own (and nothing connects here).
        await using var db = DataSetup.Create(new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=x" });
        var own = db.Database.GetDbConnection();
        using (await sqlServer.EnterAsync(db, CancellationToken.None)) Assert.Same(own, db.Database.GetDbConnection());
    }

    [Fact]
    public async Task The_writers_connection_stays_open_from_one_turn_to_the_next_and_each_context_gets_its_own_back()
    {
        await using var app = await TestApp.StartAsync(mode: AppMode.Worker);
        var gate = app.Services.GetRequiredService<WriteGate>();
        System.Data.Common.DbConnection? first = null, second = null;
        for (var turn = 0; turn < 2; turn++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using (await gate.EnterAsync(db, CancellationToken.None))
            {
                var connection = db.Database.GetDbConnection();
                Assert.Equal(System.Data.ConnectionState.Open, connection.State);
                if (turn == 0) first = connection; else second = connection;
                db.Outbox.Add(OutboxMessageFactory.Create("console", 7, new Reply("giliran " + turn), OutboxKind.Nudge, app.Clock.GetUtcNow()));
                await db.SaveChangesAsync();
            }
            // Out of the turn the context writes and reads through a connection of its own, closed between uses.
            Assert.NotSame(first, db.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
            Assert.Equal(turn + 1, await db.Outbox.CountAsync(m => m.ChatId == 7));
        }
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_turn_that_left_its_transaction_open_does_not_pass_it_to_the_next_writer()
    {
        await using var app = await TestApp.StartAsync(mode: AppMode.Worker);
        var gate = app.Services.GetRequiredService<WriteGate>();
        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(OutboxMessageFactory.Create("console", 8, new Reply("awal"), OutboxKind.Nudge, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using var writing = await gate.EnterAsync(db, CancellationToken.None);
            // A transaction EF does not know of (EF rolls back its own when the connection is handed back), left open.
            await db.Database.ExecuteSqlRawAsync("BEGIN");
            await db.Outbox.Where(m => m.ChatId == 8).ExecuteUpdateAsync(u => u.SetProperty(m => m.Text, "tidak pernah di-commit"));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
            using (await gate.EnterAsync(db, CancellationToken.None))
            {
                db.Outbox.Add(OutboxMessageFactory.Create("console", 8, new Reply("tersimpan"), OutboxKind.Nudge, app.Clock.GetUtcNow()));
                await db.SaveChangesAsync();
            }
        }
        var texts = await app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 8).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync());
        Assert.Equal(["awal", "tersimpan"], texts);
    }

    [Fact]
    public async Task The_time_the_writer_is_busy_is_counted_so_an_operator_sees_when_sqlite_is_the_limit()
    {
        using var sqlite = new WriteGate(Options.Create(new DatabaseOptions { Provider = "Sqlite" }));
        Assert.Equal(TimeSpan.Zero, sqlite.Busy);
        var held = System.Diagnostics.Stopwatch.StartNew();
        using (await sqlite.EnterAsync(CancellationToken.None)) await Task.Delay(30);
        var afterOne = sqlite.Busy;
        await Task.Delay(30);   // nobody holds it: not busy

        Assert.InRange(afterOne, TimeSpan.FromMilliseconds(25), held.Elapsed);
        Assert.Equal(afterOne, sqlite.Busy);

        using var sqlServer = new WriteGate(Options.Create(new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=x" }));
        using (await sqlServer.EnterAsync(CancellationToken.None)) await Task.Delay(10);
        Assert.Equal(TimeSpan.Zero, sqlServer.Busy);
    }
}

[CollectionDefinition(SqliteWritePathTests.Alone, DisableParallelization = true)]
public sealed class SqliteWritePathCollection;
