using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Reminders;

/// <summary>
/// EF on SQLite sends one command per inserted row with a lot of per-entity work around it; 40,000 nudges
/// took ~10 s that way. Two prepared statements reused inside the caller's transaction do the same in a
/// fraction of that. SQL Server keeps the EF path (it batches 500 rows a round trip).
/// Values are stored exactly as the EF model does on SQLite: DateTimeOffset as UTC ticks, enums as names.
/// </summary>
internal static class SqliteNudgeInserter
{
    public static async Task InsertAsync(PkhDbContext db, IReadOnlyList<(NudgeLog Log, IReadOnlyList<OutboxMessage> Messages)> rows, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var tx = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

        await using var outbox = connection.CreateCommand();
        outbox.Transaction = tx;
        outbox.CommandText = """
            INSERT INTO "Outbox" ("Channel", "ChatId", "Kind", "Text", "KeyboardJson", "AttachmentKind", "AttachmentName", "Attachment", "Status", "Attempts", "CreatedAt", "NotBefore")
            VALUES ($channel, $chat, $kind, $text, $kb, $ak, $an, $a, $status, 0, $created, $notBefore) RETURNING "Id";
            """;
        var p = Parameters(outbox, "$channel", "$chat", "$kind", "$text", "$kb", "$ak", "$an", "$a", "$status", "$created", "$notBefore");

        await using var log = connection.CreateCommand();
        log.Transaction = tx;
        log.CommandText = """
            INSERT INTO "NudgeLog" ("Job", "Subject", "Period", "OutboxMessageId", "CreatedAt") VALUES ($job, $subject, $period, $outbox, $created);
            """;
        var l = Parameters(log, "$job", "$subject", "$period", "$outbox", "$created");

        foreach (var (entry, messages) in rows)
        {
            long? first = null;
            foreach (var m in messages)
            {
                Set(p, m.Channel, m.ChatId, m.Kind.ToString(), m.Text, m.KeyboardJson, m.AttachmentKind.ToString(), m.AttachmentName,
                    m.Attachment, m.Status.ToString(), m.CreatedAt.UtcTicks, m.NotBefore.UtcTicks);
                var id = (long)(await outbox.ExecuteScalarAsync(ct))!;
                m.Id = id;
                first ??= id;
            }
            entry.OutboxMessageId = first;
            Set(l, entry.Job, entry.Subject, entry.Period, first, entry.CreatedAt.UtcTicks);
            await log.ExecuteNonQueryAsync(ct);   // the unique index fires here; the caller's rollback drops the batch
        }
    }

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names)
    {
        var ps = names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        return ps;
    }

    private static void Set(DbParameter[] ps, params object?[] values)
    {
        for (var i = 0; i < ps.Length; i++) ps[i].Value = values[i] ?? DBNull.Value;
    }
}
