using System.ComponentModel.DataAnnotations;

namespace PkhBot.Ppse;

public sealed class PpseOptions
{
    public const string SectionName = "Ppse";

    /// <summary>
    /// Graduasi mandiri a year for the whole kabupaten. Empty: <see cref="TargetPerPendamping"/> times the active
    /// pendamping (the 2025 national target: 10 a pendamping, so 2,090 for Bojonegoro's 209). A kecamatan's share
    /// follows its pendamping.
    /// </summary>
    [Range(0, 10_000_000, ErrorMessage = "Ppse:TargetPerYear harus 0 atau lebih (kosong = TargetPerPendamping x jumlah pendamping).")]
    public int? TargetPerYear { get; set; }

    [Range(0, 1000, ErrorMessage = "Ppse:TargetPerPendamping harus 0-1000 (bawaan 10 graduasi mandiri per pendamping per tahun).")]
    public int TargetPerPendamping { get; set; } = 10;
}
