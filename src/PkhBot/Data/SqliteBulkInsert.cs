using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PkhBot.Data;

/// <summary>
/// One prepared INSERT for an entity type, reused for many rows inside the caller's transaction, on SQLite. EF sends a
/// command per row there with a lot of per-entity work around it (figures: Bench/README.md). Everything about the
/// table comes from the EF model: its name, every mapped column and the value converter EF stores it with (enums as
/// names, DateTimeOffset as UTC ticks), so the rows are exactly what EF itself would write. The generated key is read
/// back into the entity. Entities with a concurrency stamp (<see cref="IVersioned"/>) are not for this path.
/// </summary>
public sealed class SqliteBulkInsert<T> : IAsyncDisposable where T : class
{
    private readonly SqliteCommand _command;
    private readonly Column[] _columns;
    private readonly PropertyInfo _key;

    private SqliteBulkInsert(SqliteCommand command, Column[] columns, PropertyInfo key)
    {
        _command = command;
        _columns = columns;
        _key = key;
    }

    /// <summary>Columns the statement writes, in order, with the converter applied to each (for tests and readers).</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToList();

    /// <summary>Prepares the statement on <paramref name="db"/>'s connection, inside its current transaction (required).</summary>
    public static SqliteBulkInsert<T> Create(PkhDbContext db)
    {
        if (typeof(IVersioned).IsAssignableFrom(typeof(T)))
            throw new InvalidOperationException($"{typeof(T).Name} carries a version stamp: insert it through EF.");
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's SQLite transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableMappings().Single();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = table.ColumnMappings
            .Where(m => !(m.Property == key && key.ValueGenerated == ValueGenerated.OnAdd))
            .Select((m, i) => new Column(m.Column.Name, $"$p{i}", m.Property.PropertyInfo
                ?? throw new InvalidOperationException($"{typeof(T).Name}.{m.Property.Name} has no CLR property."), m.TypeMapping.Converter))
            .ToArray();
        var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table.Table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) RETURNING \"{table.ColumnMappings.Single(m => m.Property == key).Column.Name}\";";
        foreach (var c in columns) command.Parameters.Add(new SqliteParameter { ParameterName = c.Parameter });
        return new SqliteBulkInsert<T>(command, columns, key.PropertyInfo!);
    }

    /// <summary>Inserts one row and sets its generated key.</summary>
    public async Task InsertAsync(T row, CancellationToken ct)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            var value = c.Property.GetValue(row);
            if (value is not null && c.Converter is not null) value = c.Converter.ConvertToProvider(value);
            _command.Parameters[i].Value = value ?? DBNull.Value;
        }
        var id = await _command.ExecuteScalarAsync(ct);
        _key.SetValue(row, Convert.ChangeType(id, _key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed record Column(string Name, string Parameter, PropertyInfo Property, ValueConverter? Converter);
}
