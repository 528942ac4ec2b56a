using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Data;

/// <summary>Who created, changed or withdrew what. Details never hold NIK or phone numbers.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>e.g. "pendamping:P001", "koordinator:3", "admin:5", "cli", "job:escalation".</summary>
    public required string Actor { get; set; }
    /// <summary>e.g. "report.create", "report.withdraw", "followup.close", "graduation.create", "household.import".</summary>
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public string? Details { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("Audit");
        b.Property(x => x.Actor).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.Details).HasMaxLength(2000);
        b.HasIndex(x => new { x.Entity, x.EntityId });
        b.HasIndex(x => x.At);
    }
}
