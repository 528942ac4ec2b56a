using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PkhBot.Data;

/// <summary>
/// Stores DateTimeOffset as UTC ticks on SQLite. The built-in DateTimeOffsetToBinaryConverter packs local
/// wall-clock ticks and sorts rows with different offsets wrongly.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
