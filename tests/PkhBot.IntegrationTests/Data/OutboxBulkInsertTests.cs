using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Data;

/// <summary>The outbox's bulk insert (the reminders' nudges) writes rows exactly as EF does, column for column.</summary>
public sealed class OutboxBulkInsertTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_bulk_inserted_row_is_stored_exactly_as_ef_stores_it()
    {
        var viaEf = Sample();
        var viaBulk = Sample();
        await _app.WithDbAsync(async db =>
        {
            db.Outbox.Add(viaEf);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (var bulk = OutboxBulkInsert.Begin(db))
            {
                await bulk.AddAsync([viaBulk], CancellationToken.None);
                await bulk.FlushAsync(CancellationToken.None);
            }
            await tx.CommitAsync();
        });

        Assert.True(viaBulk.Id > viaEf.Id);
        var stored = await RawRowsAsync(viaEf.Id, viaBulk.Id);
        // Every column of the table, not only those the insert names: a column added to the model and missed by the
        // insert would differ here (null against EF's value).
        Assert.Equal(stored[0].Keys.Where(k => k != "Id"), stored[1].Keys.Where(k => k != "Id"));
        foreach (var column in stored[0].Keys.Where(k => k != "Id"))
            Assert.True(Equals(stored[0][column], stored[1][column]) || (stored[0][column] is byte[] a && stored[1][column] is byte[] b && a.SequenceEqual(b)),
                $"{column}: EF stored {stored[0][column]}, the bulk insert {stored[1][column]}");
        // And EF reads it back as it was written (the converters: enums as names, DateTimeOffset as UTC ticks).
        var read = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == viaBulk.Id));
        Assert.Equivalent(viaBulk, read, strict: true);
    }

    [Fact]
    public async Task The_bulk_insert_names_every_column_of_the_outbox_in_the_model_but_the_generated_key()
    {
        await _app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using var insert = SqliteBulkInsert<OutboxMessage>.Create(db);
            var table = db.Model.FindEntityType(typeof(OutboxMessage))!.GetTableMappings().Single().Table;
            Assert.Equal(table.Columns.Select(c => c.Name).Where(c => c != "Id").Order(), insert.ColumnNames.Order());
        });
    }

    private OutboxMessage Sample()
    {
        var now = new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));
        var m = OutboxMessageFactory.Create("telegram", -100_123, new Reply("Rekap <b>minggu ini</b>")
        {
            Keyboard = Keyboard.Of([Button.Callback("Detail", "tl:list")]),
            Attachment = new ReplyAttachment(AttachmentKind.Photo, "rekap.png", [1, 2, 3]),
        }, OutboxKind.Announcement, now, now.AddHours(2));
        m.CallbackQueryId = "cq1";
        m.EditMessageId = 77;
        m.AnnouncementId = 5;
        m.Attempts = 2;
        m.SentAt = now.AddMinutes(1);
        m.TelegramMessageId = 501;
        m.LastError = "Bad Gateway";
        m.LockedUntil = now.AddSeconds(30);
        m.LockedBy = "host:1";
        return m;
    }

    private async Task<List<Dictionary<string, object?>>> RawRowsAsync(params long[] ids)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        await connection.OpenAsync();
        var rows = new List<Dictionary<string, object?>>();
        foreach (var id in ids)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT * FROM \"Outbox\" WHERE \"Id\" = $id";
            cmd.Parameters.AddWithValue("$id", id);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }
}
