using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>
/// Bulk writes for the roster import and the demo seeder. SQL Server: EF with change detection off and one
/// SaveChanges per 5,000 rows (tech-notes §4.3; its batching does the rest). SQLite: EF sends one statement per row
/// and re-parses each batch, which made a kabupaten's import take minutes; a single prepared INSERT/UPDATE, built
/// from the EF model (column names, value converters, type mappings), does it in seconds (tests/PkhBot.Bench/README.md).
/// </summary>
public static class BulkWriter
{
    public const int ChunkSize = 5_000;

    public static async Task SaveChunkAsync(PkhDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (retried as a whole on SQL Server transient faults).</summary>
    public static Task InTransactionAsync(PkhDbContext db, Func<Task> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await work();
                await tx.CommitAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                db.ChangeTracker.Clear();
            }
        });
    }

    /// <summary>Inserts new entities (generated ids are set on them). Call inside <see cref="InTransactionAsync"/>.</summary>
    public static async Task InsertAsync<T>(PkhDbContext db, IReadOnlyCollection<T> items, CancellationToken ct) where T : class
    {
        if (items.Count == 0) return;
        if (!db.Database.IsSqlite())
        {
            foreach (var chunk in items.Chunk(ChunkSize))
            {
                db.Set<T>().AddRange(chunk);
                await SaveChunkAsync(db, ct);
            }
            return;
        }
        var table = new SqliteTable(db, typeof(T));
        await using var cmd = table.CreateCommand(db, insert: true);
        foreach (var item in items)
        {
            if (item is IVersioned v) v.Version = Guid.NewGuid();
            table.Bind(cmd, item, insert: true);
            await cmd.ExecuteNonQueryAsync(ct);
            // The new rowid straight from SQLite: no result set to read per row.
            table.SetKey(item, SQLitePCL.raw.sqlite3_last_insert_rowid(((Microsoft.Data.Sqlite.SqliteConnection)cmd.Connection!).Handle));
        }
    }

    /// <summary>Writes every column of existing entities, by primary key. Call inside <see cref="InTransactionAsync"/>.</summary>
    public static async Task UpdateAsync<T>(PkhDbContext db, IReadOnlyCollection<T> items, CancellationToken ct) where T : class
    {
        if (items.Count == 0) return;
        if (!db.Database.IsSqlite())
        {
            foreach (var chunk in items.Chunk(ChunkSize))
            {
                db.Set<T>().UpdateRange(chunk);
                await SaveChunkAsync(db, ct);
            }
            return;
        }
        var table = new SqliteTable(db, typeof(T));
        await using var cmd = table.CreateCommand(db, insert: false);
        foreach (var item in items)
        {
            if (item is IVersioned v) v.Version = Guid.NewGuid();
            table.Bind(cmd, item, insert: false);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>One entity type as a table: its columns and how EF turns values into parameters.</summary>
    private sealed class SqliteTable
    {
        private readonly IProperty _key;
        private readonly IProperty[] _columns;
        private readonly string _table;

        public SqliteTable(PkhDbContext db, Type clrType)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model");
            _table = entity.GetTableName()!;
            _key = entity.FindPrimaryKey()!.Properties.Single();
            _columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
            if (_columns.Any(p => p.IsShadowProperty()))
                throw new InvalidOperationException($"{clrType.Name} has shadow properties; bulk writes need plain CLR properties");
        }

        public DbCommand CreateCommand(PkhDbContext db, bool insert)
        {
            var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk writes run inside BulkWriter.InTransactionAsync");
            var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = tx.GetDbTransaction();
            var names = _columns.Select(p => $"\"{p.GetColumnName()}\"").ToArray();
            cmd.CommandText = insert
                ? $"INSERT INTO \"{_table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", _columns.Select((_, i) => "$p" + i))});"
                : $"UPDATE \"{_table}\" SET {string.Join(", ", names.Select((n, i) => $"{n} = $p{i}"))} WHERE \"{_key.GetColumnName()}\" = $key;";
            return cmd;
        }

        /// <summary>Parameters are made once by the EF type mappings (so SQLite gets the types EF would send) and reused per row.</summary>
        public void Bind(DbCommand cmd, object item, bool insert)
        {
            if (cmd.Parameters.Count == 0)
            {
                for (var i = 0; i < _columns.Length; i++)
                    cmd.Parameters.Add(Mapping(_columns[i]).CreateParameter(cmd, "$p" + i, null, _columns[i].IsNullable));
                if (!insert) cmd.Parameters.Add(Mapping(_key).CreateParameter(cmd, "$key", null, false));
            }
            for (var i = 0; i < _columns.Length; i++) cmd.Parameters[i].Value = ProviderValue(_columns[i], item);
            if (!insert) cmd.Parameters[_columns.Length].Value = ProviderValue(_key, item);
        }

        private static RelationalTypeMapping Mapping(IProperty p) => (RelationalTypeMapping)p.GetTypeMapping();

        private static object ProviderValue(IProperty p, object item)
        {
            var value = p.GetGetter().GetClrValueUsingContainingEntity(item);
            if (value is null) return DBNull.Value;
            return Mapping(p).Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
        }

        public void SetKey(object item, object id)
            => _key.PropertyInfo!.SetValue(item, Convert.ChangeType(id, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }
}
