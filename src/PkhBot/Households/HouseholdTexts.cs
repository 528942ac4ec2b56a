using System.Text;
using PkhBot.Conversation;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>Every sentence of /kpm and /cari.</summary>
public static class HouseholdTexts
{
    public const string NoneInScope = "Belum ada KPM dalam data Anda. Hubungi admin Dinsos bila seharusnya ada.";
    public const string NoneWithFilter = "Tidak ada KPM yang cocok dengan filter ini.";
    public const string NotAvailable = "Data itu tidak tersedia untuk Anda.";
    public const string CariUsage = "Format: <code>/cari NAMA atau ID</code>, mis. <code>/cari siti aminah</code>.";
    public const string PickDesa = "Pilih desa:";
    public const string PickKomponen = "Pilih komponen:";

    public static string CariNone(string q) => $"Tidak ada KPM yang cocok dengan <i>{Html.Escape(q)}</i> di data Anda. Coba sebagian nama (mis. <i>aminah</i>) atau ID KPM.";

    public static string CariHeader(string q, int n) => $"<b>{n} hasil</b> untuk <i>{Html.Escape(q)}</i>:";

    public static string ListHeader(int total, string? filterLabel, int page, int pages)
        => $"<b>KPM: {total}</b>" + (filterLabel is null ? "" : $" ({Html.Escape(filterLabel)})") + $" · hal. {page + 1}/{Math.Max(pages, 1)}";

    public static string Line(int n, Household h, string? desa, DateTimeOffset? last)
        => $"{n}. {Html.Escape(h.NamaPengurus)} · <code>{Html.Escape(h.IdKpm)}</code> · {Html.Escape(desa ?? "-")} · {h.KomponenCount} komp · "
           + (last is null ? "belum dilaporkan" : "lapor " + Wib.Date(last.Value));

    public static string Komponen(Household h)
    {
        var parts = new List<string>();
        void Add(string name, int n) { if (n > 0) parts.Add($"{name} {n}"); }
        Add("bumil", h.IbuHamil);
        Add("balita/AUD", h.AnakUsiaDini);
        Add("SD", h.Sd);
        Add("SMP", h.Smp);
        Add("SMA", h.Sma);
        Add("disabilitas", h.DisabilitasBerat);
        Add("lansia", h.Lansia);
        return parts.Count == 0 ? "tidak ada" : string.Join(", ", parts) + $" ({h.KomponenCount})";
    }

    public static string Status(HouseholdStatus s) => s switch
    {
        HouseholdStatus.Aktif => "Aktif",
        HouseholdStatus.GraduasiMandiri => "Graduasi mandiri",
        HouseholdStatus.GraduasiAlamiah => "Graduasi alamiah",
        _ => "Nonaktif",
    };

    public static string Statement(bool signed) => signed ? "\nSurat pernyataan graduasi: ada" : "\nSurat pernyataan graduasi: <b>belum ada</b> (kirim dengan /graduasi ID surat)";

    public static string Card(Household h, string? pendamping, IReadOnlyList<ProgressReport> reports, IReadOnlyList<FollowUp> followUps)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(Html.Escape(h.NamaPengurus)).Append("</b>\n");
        sb.Append("ID KPM: <code>").Append(Html.Escape(h.IdKpm)).Append("</code> · NIK ").Append(Privacy.Mask.Nik(h.Nik)).Append('\n');
        sb.Append("Desa ").Append(Html.Escape(h.Desa?.Nama ?? "-")).Append(", Kec. ").Append(Html.Escape(h.Kecamatan?.Nama ?? "-")).Append('\n');
        sb.Append("Status: ").Append(Status(h.Status)).Append('\n');
        sb.Append("Komponen: ").Append(Komponen(h)).Append('\n');
        if (pendamping is not null) sb.Append("Pendamping: ").Append(Html.Escape(pendamping)).Append('\n');
        sb.Append("\n<b>Laporan terakhir</b>");
        if (reports.Count == 0) sb.Append(": belum ada");
        foreach (var r in reports)
            sb.Append("\n• ").Append(Wib.Date(r.EventAt)).Append(' ').Append(ReportCategories.Name(r.Category)).Append(": ")
              .Append(Html.Escape(Privacy.Mask.Text(Cut(r.Note, 80)))).Append(" (No. ").Append(r.Id).Append(')');
        sb.Append("\n\n<b>Tindak lanjut terbuka</b>");
        if (followUps.Count == 0) sb.Append(": tidak ada");
        foreach (var f in followUps)
            sb.Append("\n• No. ").Append(f.Id).Append(", tenggat ").Append(Wib.Date(f.DueDate)).Append(": ").Append(Html.Escape(Privacy.Mask.Text(Cut(f.Issue, 80))));
        return sb.ToString();
    }

    public static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
