using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Onboarding;

internal sealed class CoordinatorConfiguration : IEntityTypeConfiguration<Coordinator>
{
    public void Configure(EntityTypeBuilder<Coordinator> b)
    {
        b.Property(x => x.Nama).HasMaxLength(150);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.HasMany(x => x.Kecamatan).WithOne().HasForeignKey(x => x.CoordinatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoordinatorKecamatanConfiguration : IEntityTypeConfiguration<CoordinatorKecamatan>
{
    public void Configure(EntityTypeBuilder<CoordinatorKecamatan> b)
    {
        b.HasKey(x => new { x.CoordinatorId, x.KecamatanId });
        b.HasIndex(x => x.KecamatanId);
        b.HasOne(x => x.KecamatanRef).WithMany().HasForeignKey(x => x.KecamatanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChatIdentityConfiguration : IEntityTypeConfiguration<ChatIdentity>
{
    public void Configure(EntityTypeBuilder<ChatIdentity> b)
    {
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.DisplayName).HasMaxLength(150);
        b.Property(x => x.MitraCode).HasMaxLength(32);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.PendampingId);
        b.HasIndex(x => x.CoordinatorId);
        b.HasIndex(x => new { x.Role, x.OptedOut });
        b.HasOne(x => x.Pendamping).WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Coordinator).WithMany().HasForeignKey(x => x.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Desa>().WithMany().HasForeignKey(x => x.DesaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Kecamatan>().WithMany().HasForeignKey(x => x.PemantauKecamatanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> b)
    {
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasOne<Households.Kecamatan>().WithMany().HasForeignKey(x => x.KecamatanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Households.Desa>().WithMany().HasForeignKey(x => x.DesaId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.MitraCode).HasMaxLength(32);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.CodeHash).IsUnique();
    }
}

internal sealed class InviteAttemptConfiguration : IEntityTypeConfiguration<InviteAttempt>
{
    public void Configure(EntityTypeBuilder<InviteAttempt> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
    }
}
