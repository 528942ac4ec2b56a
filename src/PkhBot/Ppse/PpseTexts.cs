using System.Globalization;
using System.Text;
using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Ppse;

/// <summary>Every sentence of the PPSE figures: /ppse, the digest line and the monthly report's labels.</summary>
public static class PpseTexts
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    public static string N(int n) => n.ToString("N0", Id);

    public const string NoPendamping = "(tanpa pendamping)";
    public const string Kabupaten = "Kabupaten Bojonegoro";
    public const string NoScope = "(belum ada wilayah)";

    public static string StageName(PpseStage s) => s switch
    {
        PpseStage.TanpaUsaha => "Belum ada usaha",
        PpseStage.UsahaBerjalan => "Usaha berjalan",
        PpseStage.Didampingi => "Dirujuk ke mitra",
        PpseStage.PenghasilanCukup => "Penghasilan cukup",
        PpseStage.Kandidat => "Kandidat graduasi",
        _ => "Graduasi mandiri",
    };

    public static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.#", Id) + "%";

    public static string Reply(string scope, PpseFigures f, Func<string, string> mitraName)
    {
        var sb = new StringBuilder($"<b>PPSE: {Html.Escape(scope)}</b> (per {Wib.Date(f.AsOf)})\n");
        sb.Append("KPM per tahap:\n");
        foreach (var s in Enum.GetValues<PpseStage>())
            sb.Append("• ").Append(StageName(s)).Append(s == PpseStage.GraduasiMandiri ? " (semua tahun)" : "").Append(": ").Append(N(f.Stages[(int)s])).Append('\n');
        sb.Append('\n').Append(YearLine(f)).Append('\n');
        if (f.WithoutStatement > 0) sb.Append("⚠️ Graduasi mandiri tanpa surat pernyataan: ").Append(N(f.WithoutStatement)).Append(" (kirim dengan /graduasi ID surat)\n");
        if (f.Mitra.Count > 0)
        {
            sb.Append("\n<b>Rujukan per mitra</b> (menunggu / diterima / selesai / ditolak)\n");
            foreach (var m in f.Mitra)
                sb.Append("• ").Append(Html.Escape(mitraName(m.MitraCode))).Append(": ").Append(N(m.Sent)).Append(" / ").Append(N(m.Accepted))
                  .Append(" / ").Append(N(m.Done)).Append(" / ").Append(N(m.Declined)).Append('\n');
        }
        else sb.Append("\nBelum ada rujukan ke mitra. Pendamping merujuk dengan /rujuk.\n");
        if (f.Rows.Count > 1)
        {
            sb.Append(f.RowsArePendamping ? "\n<b>Per pendamping</b>" : "\n<b>Per kecamatan</b>").Append(" (graduasi mandiri / target, kandidat)\n");
            foreach (var r in f.Rows.Take(MaxRows))
                sb.Append("• ").Append(Html.Escape(r.Name)).Append(": ").Append(N(r.MandiriYear)).Append(" / ").Append(N(r.Target))
                  .Append(", ").Append(N(r.Stages[(int)PpseStage.Kandidat])).Append('\n');
            if (f.Rows.Count > MaxRows) sb.Append("… dan ").Append(N(f.Rows.Count - MaxRows)).Append(" lainnya (lihat laporan bulanan: report ppse).\n");
        }
        return sb.ToString().TrimEnd();
    }

    public const int MaxRows = 30;

    public static string YearLine(PpseFigures f)
        => $"Graduasi {f.Year}: mandiri {N(f.MandiriYear)} dari target {N(f.Target)} ({Percent(f.MandiriYear, f.Target)}), alamiah {N(f.AlamiahYear)}.";

    /// <summary>The weekly coordinator digest's PPSE line.</summary>
    public static string DigestLine(PpseFigures f)
        => $"PPSE: kandidat {N(f.Stages[(int)PpseStage.Kandidat])}, dirujuk {N(f.Stages[(int)PpseStage.Didampingi])}, " +
           $"graduasi mandiri {f.Year} {N(f.MandiriYear)}/{N(f.Target)} ({Percent(f.MandiriYear, f.Target)}). Rincian: /ppse";

    public const string ChartTitle = "Jalur PPSE (KPM per tahap)";
}
