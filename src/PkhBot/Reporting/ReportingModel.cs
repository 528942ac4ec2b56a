using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Reporting;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ValuesJson).HasMaxLength(2000);
        b.Property(x => x.PhotoFileId).HasMaxLength(200);
        b.HasIndex(x => new { x.HouseholdId, x.EventAt });
        b.HasIndex(x => new { x.PendampingId, x.ReceivedAt });
        b.HasIndex(x => x.ReceivedAt);
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Pendamping>().WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.Property(x => x.Issue).HasMaxLength(2000);
        b.Property(x => x.ClosingNote).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasIndex(x => new { x.PendampingId, x.Status, x.DueDate });
        b.HasIndex(x => x.HouseholdId);
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Pendamping>().WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class P2K2SessionConfiguration : IEntityTypeConfiguration<P2K2Session>
{
    public void Configure(EntityTypeBuilder<P2K2Session> b)
    {
        b.ToTable("P2K2Sessions");
        b.Property(x => x.Module).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.PendampingId, x.HeldOn });
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Households.Pendamping>().WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class P2K2AttendanceConfiguration : IEntityTypeConfiguration<P2K2Attendance>
{
    public void Configure(EntityTypeBuilder<P2K2Attendance> b)
    {
        b.ToTable("P2K2Attendance");
        b.HasKey(x => new { x.SessionId, x.HouseholdId });
        b.HasOne<Households.Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GraduationConfiguration : IEntityTypeConfiguration<Graduation>
{
    public void Configure(EntityTypeBuilder<Graduation> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.StatementPhotoFileId).HasMaxLength(200);
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => x.GraduatedAt);
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Pendamping>().WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
    }
}
