using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Referrals;

public enum ReferralStatus
{
    /// <summary>Sent to the mitra, not yet accepted or declined.</summary>
    Sent = 0,
    Accepted = 1,
    Declined = 2,
    /// <summary>The mitra recorded an outcome (/hasil).</summary>
    Done = 3,
}

/// <summary>
/// A household handed by its pendamping to a partner agency, and what became of it. The number the mitra uses
/// in /hasil is <see cref="Id"/>. Nothing personal beyond the household link: the mitra is shown the name, desa,
/// business and the note, never NIK, phone or address.
/// </summary>
public sealed class Referral : Data.IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Households.Household? Household { get; set; }
    public int PendampingId { get; set; }
    public required string MitraCode { get; set; }
    public required string Note { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
    public Guid Version { get; set; }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("Referrals");
        b.Property(x => x.MitraCode).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Outcome).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MitraCode, x.Status });
        b.HasIndex(x => x.HouseholdId);
    }
}
