using System.Text.Json.Serialization;

namespace PkhBot.Reconciliation;

/// <summary>
/// The five counts of a reconciliation. <c>status_differs</c> and <c>nik_differs</c> are households that are in both
/// (a household can be in both of those). The JSON names are a contract: scripts read them.
/// </summary>
public sealed record GroupCounts(
    [property: JsonPropertyName("in_both")] int InBoth,
    [property: JsonPropertyName("only_in_file")] int OnlyInFile,
    [property: JsonPropertyName("only_in_database")] int OnlyInDatabase,
    [property: JsonPropertyName("status_differs")] int StatusDiffers,
    [property: JsonPropertyName("nik_differs")] int NikDiffers)
{
    public static readonly GroupCounts Zero = new(0, 0, 0, 0, 0);

    public GroupCounts Plus(GroupCounts o)
        => new(InBoth + o.InBoth, OnlyInFile + o.OnlyInFile, OnlyInDatabase + o.OnlyInDatabase, StatusDiffers + o.StatusDiffers, NikDiffers + o.NikDiffers);

    public bool AllAgree => OnlyInFile == 0 && OnlyInDatabase == 0 && StatusDiffers == 0 && NikDiffers == 0;
}

/// <param name="KecamatanId">Null for a list row whose kecamatan is not one of ours.</param>
public sealed record KecamatanCounts(int? KecamatanId, string Name, GroupCounts Counts);

/// <summary>
/// One household as the two sides see it. NIK only masked: this record goes into spreadsheets and messages.
/// </summary>
public sealed record ReconciledRow(
    string IdKpm,
    string? NamaInFile,
    string? NamaInDatabase,
    int? KecamatanId,
    string Kecamatan,
    string? Desa,
    string? StatusInFile,
    string? StatusInDatabase,
    string? MaskedNikInFile,
    string? MaskedNikInDatabase,
    int? Line,
    bool StatusDiffers,
    bool NikDiffers)
{
    public bool InFile => Line is not null;
    public bool InDatabase => StatusInDatabase is not null;
}

public sealed record ReconciliationResult(
    string FileName,
    string? KecamatanFilter,
    int RowsRead,
    GroupCounts Total,
    IReadOnlyList<KecamatanCounts> Kecamatan,
    IReadOnlyList<ReconciledRow> Rows,
    IReadOnlyList<string> Warnings);
