using System.Text;
using PkhBot.Conversation;
using static PkhBot.Reminders.ReminderTexts;

namespace PkhBot.Reminders;

/// <summary>The coordinator digest as a message caption (kept under Telegram's 1,024-character caption limit).</summary>
public static class DigestText
{
    public const int PerKecamatanLinesMax = 6;

    public static string Render(CoordinatorDigest d)
    {
        var sb = new StringBuilder();
        sb.Append("<b>Rekap ").Append(Html.Escape(d.ScopeName)).Append("</b> — ").Append(Date(d.Date)).Append('\n');
        sb.Append("📝 <b>").Append(N(d.Sum(k => k.Reports7d))).Append("</b> laporan 7 hari terakhir\n");
        sb.Append("🏠 <b>").Append(d.VisitedPercent).Append("%</b> KPM dikunjungi 30 hari (")
          .Append(N(d.Sum(k => k.Visited30d))).Append(" dari ").Append(N(d.Sum(k => k.Households))).Append(")\n");
        sb.Append("📋 <b>").Append(N(d.Sum(k => k.OpenFollowUps))).Append("</b> tindak lanjut terbuka, <b>")
          .Append(N(d.Sum(k => k.OverdueFollowUps))).Append("</b> terlambat\n");
        sb.Append("🎓 <b>").Append(N(d.Sum(k => k.GraduationsMonth))).Append("</b> graduasi bulan ini, <b>")
          .Append(N(d.Sum(k => k.GraduationsYear))).Append("</b> tahun ini (tahun lalu s.d. tanggal ini: ")
          .Append(N(d.Sum(k => k.GraduationsPrevYearToDate))).Append(")\n");
        var silent = d.Kecamatan.SelectMany(k => k.SilentPendamping).ToList();
        sb.Append("🔕 <b>").Append(N(silent.Count)).Append("</b> pendamping tanpa laporan ").Append(d.SilentDays).Append("+ hari");
        if (silent.Count > 0 && !d.NamesHidden) sb.Append(": ").Append(string.Join(", ", silent.Take(3).Select(Html.Escape))).Append(silent.Count > 3 ? ", …" : "");
        sb.Append('\n');
        sb.Append("⚠️ Data: <b>").Append(N(d.Sum(k => k.NoPendamping))).Append("</b> KPM tanpa pendamping, <b>")
          .Append(N(d.Sum(k => k.NoDesa))).Append("</b> tanpa desa, <b>").Append(N(d.Sum(k => k.BadNik))).Append("</b> NIK tidak 16 digit\n");
        if (d.Kecamatan.Count is > 1 and <= PerKecamatanLinesMax)
        {
            sb.Append("\nLaporan 7 hari per kecamatan:\n");
            foreach (var k in d.Kecamatan)
                sb.Append("• ").Append(Html.Escape(k.Nama)).Append(": ").Append(N(k.Reports7d)).Append(" laporan, ")
                  .Append(k.Households == 0 ? 0 : (int)Math.Round(100.0 * k.Visited30d / k.Households)).Append("% dikunjungi\n");
        }
        else if (d.Kecamatan.Count > PerKecamatanLinesMax)
        {
            // A pemantau (NamesHidden) has no /ekspor: the spreadsheet lists households.
            sb.Append(d.NamesHidden ? "\nRincian per kecamatan ada di grafik." : "\nRincian per kecamatan ada di grafik; /ekspor untuk data lengkap.");
        }
        return sb.ToString().TrimEnd();
    }

    public static Reply ToReply(CoordinatorDigest d, byte[]? chart)
        => new(Render(d))
        {
            // The list behind the button names households: not for a read-only pemantau (NamesHidden).
            Keyboard = d.Sum(k => k.OverdueFollowUps) > 0 && !d.NamesHidden ? Keyboard.Of([Button.Callback("📋 Tindak lanjut terlambat", "tl:list")]) : null,
            Attachment = chart is null ? null : new ReplyAttachment(Channels.Outbox.AttachmentKind.Photo, $"rekap-{d.Date:yyyyMMdd}.png", chart),
        };
}
