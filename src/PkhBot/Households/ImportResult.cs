namespace PkhBot.Households;

public sealed record RowProblem(int Line, string Reason);

public sealed class ImportResult
{
    public bool DryRun { get; init; }
    /// <summary>Set when the file as a whole was refused (size, header, format): nothing was imported.</summary>
    public string? FileError { get; init; }
    public int Total { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected => Errors.Select(e => e.Line).Distinct().Count();
    public int PendampingAdded { get; set; }
    public int PendampingUpdated { get; set; }
    public List<RowProblem> Errors { get; } = [];
    public List<RowProblem> Warnings { get; } = [];
    public List<string> FileWarnings { get; } = [];

    /// <summary>0 when everything was imported, 2 when a row or the file was rejected.</summary>
    public int ExitCode => FileError is null && Errors.Count == 0 ? 0 : 2;
}

/// <param name="Phase">"read" or "save".</param>
public readonly record struct ImportProgress(string Phase, int Done, int Total);
