namespace PkhBot.Data;

/// <summary>
/// An optimistic-concurrency token that works on both providers: SQLite has no rowversion, so the
/// context gives the row a new Guid on every save.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
