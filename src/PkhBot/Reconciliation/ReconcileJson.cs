using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PkhBot.Reconciliation;

/// <summary>`reconcile --json`: the five counts at the top level and per kecamatan. Key names are a contract.</summary>
public sealed record ReconcileJson(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("kecamatan_filter")] string? KecamatanFilter,
    [property: JsonPropertyName("rows_read")] int RowsRead,
    [property: JsonPropertyName("in_both")] int InBoth,
    [property: JsonPropertyName("only_in_file")] int OnlyInFile,
    [property: JsonPropertyName("only_in_database")] int OnlyInDatabase,
    [property: JsonPropertyName("status_differs")] int StatusDiffers,
    [property: JsonPropertyName("nik_differs")] int NikDiffers,
    [property: JsonPropertyName("kecamatan")] IReadOnlyList<ReconcileJson.Kecamatan> PerKecamatan,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings)
{
    public sealed record Kecamatan(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("in_both")] int InBoth,
        [property: JsonPropertyName("only_in_file")] int OnlyInFile,
        [property: JsonPropertyName("only_in_database")] int OnlyInDatabase,
        [property: JsonPropertyName("status_differs")] int StatusDiffers,
        [property: JsonPropertyName("nik_differs")] int NikDiffers);

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ReconcileJson From(ReconciliationResult r) => new(
        r.FileName, r.KecamatanFilter, r.RowsRead,
        r.Total.InBoth, r.Total.OnlyInFile, r.Total.OnlyInDatabase, r.Total.StatusDiffers, r.Total.NikDiffers,
        r.Kecamatan.Select(k => new Kecamatan(k.Name, k.Counts.InBoth, k.Counts.OnlyInFile, k.Counts.OnlyInDatabase, k.Counts.StatusDiffers, k.Counts.NikDiffers)).ToList(),
        r.Warnings);
}
