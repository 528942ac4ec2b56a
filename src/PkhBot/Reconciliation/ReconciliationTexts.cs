using System.Globalization;
using System.Text;
using PkhBot.Conversation;

namespace PkhBot.Reconciliation;

/// <summary>Every sentence the reconciliation says, on the command line and in /cekdata.</summary>
public static class ReconciliationTexts
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static string N(int n) => n.ToString("N0", Id);

    public static string RowsWithoutId(int n) => $"{N(n)} baris tanpa id_kpm dilewati.";
    public static string RepeatedIds(int n) => $"{N(n)} baris dengan id_kpm yang sudah muncul sebelumnya dilewati (dihitung sekali).";
    public const string NoRows = "File tidak berisi baris data (hanya baris judul).";
    public static string UnknownStatus(int n) => $"{N(n)} baris dengan status yang tidak dikenali; statusnya tidak dibandingkan (pakai: aktif, graduasi mandiri, graduasi alamiah, nonaktif).";
    public const string NoKecamatan = "(tanpa kecamatan)";
    public static string UnknownKecamatan(string name, IEnumerable<string> known)
        => $"Kecamatan '{name}' tidak dikenal. Pilihan: {string.Join(", ", known)}.";
    public static string Written(string path) => $"Rincian ditulis ke {path} (NIK disamarkan).";

    public const string Group_InBoth = "Ada di keduanya";
    public const string Group_OnlyInFile = "Hanya di daftar resmi";
    public const string Group_OnlyInDatabase = "Hanya di data bot";
    public const string Group_StatusDiffers = "Status berbeda";
    public const string Group_NikDiffers = "NIK berbeda";

    /// <summary>The command line's summary: totals first, then a line per kecamatan with any difference.</summary>
    public static string Summary(ReconciliationResult r)
    {
        var sb = new StringBuilder();
        sb.Append("Rekonsiliasi ").Append(r.FileName);
        if (r.KecamatanFilter is { } k) sb.Append(" (kecamatan ").Append(k).Append(')');
        sb.Append(": ").Append(N(r.RowsRead)).AppendLine(" baris dibaca.");
        AppendCounts(sb, r.Total, "");
        var differing = r.Kecamatan.Where(k => !k.Counts.AllAgree).ToList();
        if (differing.Count > 0)
        {
            sb.AppendLine().AppendLine("Per kecamatan (hanya daftar resmi / hanya data bot / status beda / NIK beda):");
            foreach (var kc in differing)
                sb.Append("  ").Append(kc.Name).Append(": ").Append(N(kc.Counts.OnlyInFile)).Append(" / ").Append(N(kc.Counts.OnlyInDatabase))
                  .Append(" / ").Append(N(kc.Counts.StatusDiffers)).Append(" / ").Append(N(kc.Counts.NikDiffers)).AppendLine();
        }
        else sb.AppendLine().AppendLine("Semua kecamatan cocok.");
        return sb.ToString().TrimEnd();
    }

    private static void AppendCounts(StringBuilder sb, GroupCounts c, string indent)
    {
        sb.Append(indent).Append(Group_InBoth).Append(": ").Append(N(c.InBoth)).AppendLine();
        sb.Append(indent).Append(Group_OnlyInFile).Append(": ").Append(N(c.OnlyInFile)).AppendLine();
        sb.Append(indent).Append(Group_OnlyInDatabase).Append(": ").Append(N(c.OnlyInDatabase)).AppendLine();
        sb.Append(indent).Append(Group_StatusDiffers).Append(": ").Append(N(c.StatusDiffers)).AppendLine();
        sb.Append(indent).Append(Group_NikDiffers).Append(": ").Append(N(c.NikDiffers)).AppendLine();
    }

    /// <summary>/cekdata's section (Telegram HTML): the latest run within the caller's scope.</summary>
    public static string CekDataSection(ScopedSummary? s, TimeSpan offset)
    {
        if (s is null) return "\n<b>Cocokkan dengan daftar resmi</b>\nBelum pernah dijalankan. Admin dapat menjalankan: <code>reconcile FILE</code>.";
        var sb = new StringBuilder("\n<b>Cocokkan dengan daftar resmi</b> (");
        sb.Append(Html.Escape(s.FileName)).Append(", ").Append(s.RanAt.ToOffset(offset).ToString("d MMM yyyy HH:mm", Id));
        if (s.KecamatanFilter is { } only) sb.Append(", kec. ").Append(Html.Escape(only));
        sb.Append(")\n");
        if (s.Kecamatan.Count == 0) return sb.Append("Tidak ada data untuk wilayah Anda dalam rekonsiliasi terakhir.").ToString();
        var c = s.Total;
        sb.Append(Group_InBoth).Append(": ").Append(N(c.InBoth)).Append('\n');
        sb.Append(Group_OnlyInFile).Append(": ").Append(N(c.OnlyInFile)).Append('\n');
        sb.Append(Group_OnlyInDatabase).Append(": ").Append(N(c.OnlyInDatabase)).Append('\n');
        sb.Append(Group_StatusDiffers).Append(": ").Append(N(c.StatusDiffers)).Append('\n');
        sb.Append(Group_NikDiffers).Append(": ").Append(N(c.NikDiffers));
        var worst = s.Kecamatan.Where(k => !k.Counts.AllAgree)
            .OrderByDescending(k => k.Counts.OnlyInFile + k.Counts.OnlyInDatabase + k.Counts.StatusDiffers + k.Counts.NikDiffers).Take(5).ToList();
        if (s.Kecamatan.Count > 1 && worst.Count > 0)
        {
            sb.Append("\nSelisih terbanyak:");
            foreach (var k in worst)
                sb.Append("\n• ").Append(Html.Escape(k.Name)).Append(": ")
                  .Append(N(k.Counts.OnlyInFile + k.Counts.OnlyInDatabase + k.Counts.StatusDiffers + k.Counts.NikDiffers));
        }
        return sb.ToString();
    }
}
