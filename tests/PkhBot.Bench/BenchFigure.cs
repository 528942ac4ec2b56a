namespace PkhBot.Bench;

/// <summary>One measured figure next to its budget and, where one exists, its physical limit.</summary>
/// <param name="HigherIsBetter">True for throughput (reports/s), false for times and memory.</param>
public sealed record BenchFigure(string Area, string Name, double Value, string Unit, double? Budget, bool HigherIsBetter, double? Limit = null, string? Note = null)
{
    public bool? WithinBudget => Budget is null ? null : HigherIsBetter ? Value >= Budget : Value <= Budget;

    /// <summary>Value / limit (for throughput: share of the physical limit reached).</summary>
    public double? OfLimit => Limit is null or 0 ? null : Value / Limit;
}

/// <param name="Scale">1 = a province-sized run (1,000,000 households, 4,000 pendamping); the verb defaults to 0.1.</param>
public sealed record BenchOptions(double Scale, string WorkDir, TextWriter Log);

public interface IBenchProbe
{
    string Area { get; }
    Task<IReadOnlyList<BenchFigure>> RunAsync(BenchOptions options, CancellationToken ct);
}
