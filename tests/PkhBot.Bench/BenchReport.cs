using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace PkhBot.Bench;

public static class BenchReport
{
    public static void WriteTable(IReadOnlyList<BenchFigure> figures, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var table = new Table().AddColumns("area", "figure", "value", "budget", "ok", "of limit", "note");
        foreach (var f in figures)
        {
            table.AddRow(
                f.Area,
                Markup.Escape(f.Name),
                $"{Format(f.Value)} {Markup.Escape(f.Unit)}",
                f.Budget is null ? "-" : (f.HigherIsBetter ? ">= " : "<= ") + Format(f.Budget.Value),
                f.WithinBudget switch { true => "yes", false => "NO", null => "-" },
                f.OfLimit is null ? "-" : f.OfLimit.Value.ToString("P0", CultureInfo.InvariantCulture),
                Markup.Escape(f.Note ?? ""));
        }
        console.Write(table);
    }

    public static void WriteJson(IReadOnlyList<BenchFigure> figures, TextWriter output)
    {
        var obj = figures.GroupBy(f => f.Area).ToDictionary(
            g => g.Key,
            g => g.ToDictionary(f => f.Name, f => new { value = Math.Round(f.Value, 3), unit = f.Unit, budget = f.Budget, within_budget = f.WithinBudget, limit = f.Limit, note = f.Note }));
        output.WriteLine(JsonSerializer.Serialize(obj));
    }

    private static string Format(double v) => v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
}
