using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Households;

internal sealed class KecamatanConfiguration : IEntityTypeConfiguration<Kecamatan>
{
    public void Configure(EntityTypeBuilder<Kecamatan> b)
    {
        b.Property(x => x.Kode).HasMaxLength(16);
        b.Property(x => x.Nama).HasMaxLength(100);
        b.HasIndex(x => x.Kode).IsUnique();
        b.HasIndex(x => x.Nama).IsUnique();
    }
}

internal sealed class DesaConfiguration : IEntityTypeConfiguration<Desa>
{
    public void Configure(EntityTypeBuilder<Desa> b)
    {
        b.Property(x => x.Kode).HasMaxLength(20);
        b.Property(x => x.Nama).HasMaxLength(100);
        b.HasIndex(x => x.Kode).IsUnique();
        b.HasIndex(x => new { x.KecamatanId, x.Nama });
        b.HasOne(x => x.Kecamatan).WithMany(k => k.Desa).HasForeignKey(x => x.KecamatanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PendampingConfiguration : IEntityTypeConfiguration<Pendamping>
{
    public void Configure(EntityTypeBuilder<Pendamping> b)
    {
        b.Property(x => x.Kode).HasMaxLength(32);
        b.Property(x => x.Nama).HasMaxLength(150);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.HasIndex(x => x.Kode).IsUnique();
        b.HasIndex(x => x.KecamatanId);
        b.HasOne(x => x.Kecamatan).WithMany().HasForeignKey(x => x.KecamatanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(x => x.IdKpm).HasMaxLength(32);
        b.Property(x => x.Nik).HasMaxLength(16);
        b.Property(x => x.NamaPengurus).HasMaxLength(150);
        b.Property(x => x.NamaSearch).HasMaxLength(150);
        b.Property(x => x.Alamat).HasMaxLength(300);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.KomponenCount);
        b.HasIndex(x => x.IdKpm).IsUnique();
        // Not unique: real rosters carry duplicate NIK, and /cekdata must be able to find them.
        b.HasIndex(x => x.Nik);
        b.HasIndex(x => new { x.PendampingId, x.Status, x.LastReportAt });
        b.HasIndex(x => new { x.KecamatanId, x.Status });
        b.HasIndex(x => x.NamaSearch);
        b.HasOne(x => x.Desa).WithMany().HasForeignKey(x => x.DesaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Kecamatan).WithMany().HasForeignKey(x => x.KecamatanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Pendamping).WithMany().HasForeignKey(x => x.PendampingId).OnDelete(DeleteBehavior.Restrict);
    }
}
