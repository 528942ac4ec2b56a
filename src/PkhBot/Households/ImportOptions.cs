using System.ComponentModel.DataAnnotations;

namespace PkhBot.Households;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Larger roster files are refused before they are read (a whole kabupaten is about 10 MB).</summary>
    [Range(1, 2000, ErrorMessage = "Import:MaxFileMegabytes harus 1-2000 (ukuran file roster terbesar yang diterima, dalam MB; bawaan 50).")]
    public int MaxFileMegabytes { get; set; } = 50;
}
