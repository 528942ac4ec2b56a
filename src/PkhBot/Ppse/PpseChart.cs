using ScottPlot;

namespace PkhBot.Ppse;

/// <summary>
/// The funnel as a phone reads it: one horizontal bar per stage, top to bottom in the order of the path, the
/// count written at the end of each bar, large labels.
/// </summary>
public static class PpseChart
{
    public static byte[] Render(string scope, PpseFigures f, int width = 800, int height = 520)
    {
        var plot = new Plot();
        var stages = Enum.GetValues<PpseStage>();
        var max = Math.Max(1, f.Stages.Max());
        var bars = stages.Select((s, i) => new Bar
        {
            Position = stages.Length - 1 - i,   // the path reads top to bottom
            Value = f.Stages[i],
            FillColor = s == PpseStage.GraduasiMandiri ? Colors.SeaGreen : Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        for (var i = 0; i < stages.Length; i++)
        {
            var position = stages.Length - 1 - i;
            var value = f.Stages[i];
            var label = plot.Add.Text(PpseTexts.N(value), value + max * 0.01, position);
            label.LabelFontSize = 20;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        plot.Axes.Left.SetTicks(stages.Select((_, i) => (double)(stages.Length - 1 - i)).ToArray(), stages.Select(PpseTexts.StageName).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 18;
        // The figure is written on each bar; an axis of counts would only crowd a phone screen.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.SetLimitsX(0, max * 1.25);
        plot.Title($"{PpseTexts.ChartTitle}: {scope}");
        plot.Axes.Title.Label.FontSize = 20;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
