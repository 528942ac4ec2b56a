using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Reminders;

/// <summary>
/// One row per nudge (job, subject, period), written with its outbox row: the unique index makes a
/// re-run or a restart mid-run send nothing twice.
/// </summary>
public sealed class NudgeLog
{
    public long Id { get; set; }
    public required string Job { get; set; }
    /// <summary>Who or what it is about, e.g. "pendamping:12" or "coordinator:3".</summary>
    public required string Subject { get; set; }
    /// <summary>The period it covers, e.g. "2025-W47" or "2025-11-17".</summary>
    public required string Period { get; set; }
    public long? OutboxMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class NudgeLogConfiguration : IEntityTypeConfiguration<NudgeLog>
{
    public void Configure(EntityTypeBuilder<NudgeLog> b)
    {
        b.Property(x => x.Job).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(64);
        b.Property(x => x.Period).HasMaxLength(32);
        b.HasIndex(x => new { x.Job, x.Subject, x.Period }).IsUnique();
    }
}
