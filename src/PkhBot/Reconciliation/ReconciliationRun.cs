using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Reconciliation;

/// <summary>
/// The summary of one <c>reconcile</c> run, kept so that /cekdata can show the latest one within a coordinator's
/// scope: counts per kecamatan only, no rows, no names, no NIK.
/// </summary>
public sealed class ReconciliationRun
{
    public int Id { get; set; }
    public DateTimeOffset RanAt { get; set; }
    /// <summary>The file's name without its folder.</summary>
    public required string FileName { get; set; }
    public int RowsRead { get; set; }
    /// <summary>The kecamatan the run was limited to (--kecamatan), or null for the whole list.</summary>
    public string? KecamatanFilter { get; set; }
    /// <summary>JSON array of <see cref="KecamatanCounts"/>.</summary>
    public required string KecamatanJson { get; set; }
}

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> b)
    {
        b.ToTable("ReconciliationRuns");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.KecamatanFilter).HasMaxLength(100);
        b.HasIndex(x => x.RanAt);
    }
}
