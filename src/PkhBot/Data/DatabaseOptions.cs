using System.ComponentModel.DataAnnotations;

namespace PkhBot.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "PkhBot";

    /// <summary>"Sqlite" (embedded default) or "SqlServer" (production).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Filled from ConnectionStrings:PkhBot.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start. Defaults to on for SQLite; production SQL Server runs the script.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>How often to try reaching the database at start before giving up with a clear message.</summary>
    [Range(1, 100, ErrorMessage = "Database:StartAttempts harus 1 sampai 100 (berapa kali mencoba menghubungi database saat mulai).")]
    public int StartAttempts { get; set; } = 6;

    /// <summary>First wait between start attempts; doubles each time, at most 60 s.</summary>
    [Range(0, 60_000, ErrorMessage = "Database:StartRetryDelayMs harus 0 sampai 60000 (milidetik).")]
    public int StartRetryDelayMs { get; set; } = 2000;

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsSqlite && !IsSqlServer)
            yield return new ValidationResult($"Database:Provider '{Provider}' tidak dikenal: isi 'Sqlite' atau 'SqlServer'.", [nameof(Provider)]);
        if (IsSqlServer && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("ConnectionStrings:PkhBot kosong: isi connection string SQL Server, mis. 'Server=db;Database=PkhBot;User Id=...;Password=...;TrustServerCertificate=True'.", [nameof(ConnectionString)]);
    }
}
