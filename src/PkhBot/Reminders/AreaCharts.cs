using ScottPlot;

namespace PkhBot.Reminders;

/// <summary>
/// The /rekap charts as a phone shows them: horizontal bars sorted best first with the figure written on each bar
/// and large labels, and the 12-week trend of reports (bars) with graduations (line, own axis).
/// </summary>
public static class AreaCharts
{
    private const int Width = 900, RowHeight = 56, Chrome = 150, LabelFont = 20;

    /// <param name="withCandidates">Per pendamping: the candidates count is part of each bar's figure.</param>
    public static byte[] Bars(string title, IReadOnlyList<AreaBar> bars, bool withCandidates)
    {
        var plot = new Plot();
        var sorted = bars.OrderByDescending(b => b.VisitedPercent).ThenBy(b => b.Name).ToList();
        plot.Add.Bars(sorted.Select((b, i) => new Bar
        {
            Position = sorted.Count - 1 - i, Value = b.VisitedPercent,
            FillColor = b.VisitedPercent >= 80 ? Colors.SeaGreen : b.VisitedPercent >= 50 ? Colors.SteelBlue : Colors.IndianRed,
        }).ToList()).Horizontal = true;
        for (var i = 0; i < sorted.Count; i++)
        {
            var b = sorted[i];
            var figure = $"{b.VisitedPercent}% · TL {b.OpenFollowUps}" + (withCandidates ? $" · kandidat {b.Candidates}" : "");
            var label = plot.Add.Text(figure, b.VisitedPercent + 1, sorted.Count - 1 - i);
            label.LabelFontSize = LabelFont;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        plot.Axes.Left.SetTicks(sorted.Select((_, i) => (double)(sorted.Count - 1 - i)).ToArray(), sorted.Select(b => Short(b.Name)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = LabelFont;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.SetLimitsX(0, 160);   // room for the figure after a full bar
        plot.Axes.SetLimitsY(-0.6, sorted.Count - 0.4);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 22;
        return plot.GetImageBytes(Width, Chrome + RowHeight * Math.Max(1, sorted.Count), ImageFormat.Png);
    }

    public static byte[] Trend(string title, IReadOnlyList<WeekPoint> weeks)
    {
        var plot = new Plot();
        var positions = weeks.Select((_, i) => (double)i).ToArray();
        var reports = plot.Add.Bars(positions, weeks.Select(w => (double)w.Reports).ToArray());
        reports.Color = Colors.SteelBlue;
        reports.LegendText = "laporan";
        var max = Math.Max(1, weeks.Max(w => w.Reports));
        for (var i = 0; i < weeks.Count; i++)
        {
            var label = plot.Add.Text(weeks[i].Reports.ToString(System.Globalization.CultureInfo.InvariantCulture), i, weeks[i].Reports + max * 0.02);
            label.LabelFontSize = 16;
            label.LabelAlignment = Alignment.LowerCenter;
        }
        var graduations = plot.Add.Scatter(positions, weeks.Select(w => (double)w.Graduations).ToArray());
        graduations.Color = Colors.SeaGreen;
        graduations.LineWidth = 3;
        graduations.MarkerSize = 10;
        graduations.LegendText = "graduasi";
        graduations.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "graduasi";
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "laporan";
        plot.Axes.Bottom.SetTicks(positions, weeks.Select(w => w.WeekStart.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.SetLimitsY(0, max * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, weeks.Max(w => w.Graduations)) * 1.3, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 20;
        return plot.GetImageBytes(Width, 520, ImageFormat.Png);
    }

    private static string Short(string s) => s.Length <= 22 ? s : s[..21] + "…";
}
