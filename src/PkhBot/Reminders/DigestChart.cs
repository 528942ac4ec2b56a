using ScottPlot;

namespace PkhBot.Reminders;

/// <summary>Bar chart (PNG) of reports in the last 7 days and % households visited per kecamatan.</summary>
public static class DigestChart
{
    public static byte[] Render(CoordinatorDigest d, int width = 900, int height = 500)
    {
        var plot = new Plot();
        var ks = d.Kecamatan;
        var values = ks.Select(k => k.Households == 0 ? 0.0 : Math.Round(100.0 * k.Visited30d / k.Households)).ToArray();
        var bars = plot.Add.Bars(values);
        bars.Color = Colors.SteelBlue;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, ks.Count).Select(i => (double)i).ToArray(), ks.Select(k => k.Nama).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = ks.Count > 4 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ks.Count > 4 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Left.Label.Text = "% KPM dikunjungi 30 hari";
        plot.Axes.SetLimitsY(0, 100);
        plot.Title($"{d.ScopeName} - {d.Date:dd-MM-yyyy}");
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
