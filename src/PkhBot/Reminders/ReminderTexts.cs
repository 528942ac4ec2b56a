using System.Globalization;
using System.Text;
using PkhBot.Conversation;

namespace PkhBot.Reminders;

/// <summary>Facts behind one pendamping's weekly nudge.</summary>
public sealed record PendampingWeeklyFacts(int Unreported, IReadOnlyList<NamedHousehold> FirstUnreported, int DueThisWeek, bool P2k2Missing, string MonthName, int OpenQuestions = 0)
{
    public bool HasNews => Unreported > 0 || DueThisWeek > 0 || P2k2Missing || OpenQuestions > 0;
}

public sealed record NamedHousehold(int Id, string Nama, string? Note = null);

public sealed record OverdueGroup(string Pendamping, string Kecamatan, int Count);

/// <summary>
/// Every sentence the reminders say, in one place. Numbers first, short, one button to act. Button data uses
/// prefixes owned by other features: "kpm:c:ID" (household card, with its Lapor button) and "tl:list" (follow-ups).
/// </summary>
public static class ReminderTexts
{
    public static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string N(long n) => n.ToString("#,0", Id);

    public static string Date(DateOnly d) => d.ToString("d MMM yyyy", Id);

    /// <summary>Null when there is nothing to say (no nudge at all).</summary>
    public static Reply? PendampingWeekly(PendampingWeeklyFacts f, int noReportDays)
    {
        if (!f.HasNews) return null;
        var sb = new StringBuilder("<b>Pengingat minggu ini</b>\n");
        if (f.Unreported > 0)
        {
            sb.Append("• <b>").Append(N(f.Unreported)).Append(" KPM</b> belum dilaporkan ").Append(noReportDays).Append("+ hari");
            if (f.FirstUnreported.Count > 0)
                sb.Append(": ").Append(string.Join(", ", f.FirstUnreported.Select(h => Html.Escape(h.Nama)))).Append(f.Unreported > f.FirstUnreported.Count ? ", …" : "");
            sb.Append('\n');
        }
        if (f.DueThisWeek > 0) sb.Append("• <b>").Append(N(f.DueThisWeek)).Append("</b> tindak lanjut jatuh tempo minggu ini\n");
        if (f.P2k2Missing) sb.Append("• P2K2 bulan ").Append(f.MonthName).Append(" belum dicatat\n");
        if (f.OpenQuestions > 0) sb.Append("• <b>").Append(N(f.OpenQuestions)).Append("</b> pertanyaan KPM menunggu jawaban (/pertanyaan)\n");
        Keyboard? kb = null;
        if (f.FirstUnreported.Count > 0)
            kb = Keyboard.Of([Button.Callback($"📝 Lapor {Short(f.FirstUnreported[0].Nama)}", $"kpm:c:{f.FirstUnreported[0].Id}")]);
        else if (f.DueThisWeek > 0)
            kb = Keyboard.Of([Button.Callback("📋 Lihat tindak lanjut", "tl:list")]);
        return new Reply(sb.ToString().TrimEnd()) { Keyboard = kb };
    }

    public static Reply FollowUpDue(int total, IReadOnlyList<NamedHousehold> first)
    {
        var sb = new StringBuilder("<b>").Append(N(total)).Append(" tindak lanjut</b> jatuh tempo hari ini:\n");
        foreach (var h in first) sb.Append("• ").Append(Html.Escape(h.Nama)).Append(" — ").Append(Html.Escape(Cut(h.Note, 60))).Append('\n');
        if (total > first.Count) sb.Append("…dan ").Append(N(total - first.Count)).Append(" lagi\n");
        return new Reply(sb.ToString().TrimEnd()) { Keyboard = Keyboard.Of([Button.Callback("📋 Lihat tindak lanjut", "tl:list")]) };
    }

    public static Reply Escalation(IReadOnlyList<OverdueGroup> groups, int overdueDays, int maxLines = 15)
    {
        var total = groups.Sum(g => g.Count);
        var sb = new StringBuilder("<b>").Append(N(total)).Append(" tindak lanjut terlambat ").Append(overdueDays).Append("+ hari</b>, per pendamping:\n");
        foreach (var g in groups.Take(maxLines))
            sb.Append("• ").Append(N(g.Count)).Append(" — ").Append(Html.Escape(g.Pendamping)).Append(" (").Append(Html.Escape(g.Kecamatan)).Append(")\n");
        if (groups.Count > maxLines) sb.Append("…dan ").Append(N(groups.Count - maxLines)).Append(" pendamping lain\n");
        return new Reply(sb.ToString().TrimEnd()) { Keyboard = Keyboard.Of([Button.Callback("📋 Lihat tindak lanjut", "tl:list")]) };
    }

    public static Reply GraduationCandidates(int total, IReadOnlyList<NamedHousehold> first)
    {
        var sb = new StringBuilder("<b>").Append(N(total)).Append(" KPM calon graduasi</b> bulan ini:\n");
        foreach (var h in first) sb.Append("• ").Append(Html.Escape(h.Nama)).Append(" — ").Append(Html.Escape(h.Note)).Append('\n');
        if (total > first.Count) sb.Append("…dan ").Append(N(total - first.Count)).Append(" lagi\n");
        sb.Append("Periksa dan usulkan graduasi bila layak.");
        var kb = first.Count > 0 ? Keyboard.Of([Button.Callback($"👤 Buka {Short(first[0].Nama)}", $"kpm:c:{first[0].Id}")]) : null;
        return new Reply(sb.ToString()) { Keyboard = kb };
    }

    public const string CandidateNoKomponen = "tanpa komponen";
    public static string CandidateIncome(long rupiah) => $"penghasilan Rp{N(rupiah)}";
    public static string CandidateBusiness(int months) => $"usaha {months} bulan";

    public static string RekapBarsCaption(bool perPendamping)
        => perPendamping
            ? "Per pendamping: % KPM dikunjungi 30 hari · TL = tindak lanjut terbuka · kandidat graduasi."
            : "Per kecamatan: % KPM dikunjungi 30 hari · TL = tindak lanjut terbuka.";
    public static string RekapBarsTitle(string scope, bool perPendamping) => $"{scope}: kunjungan 30 hari per {(perPendamping ? "pendamping" : "kecamatan")}";
    public const string RekapTrendCaption = "Laporan (batang) dan graduasi (garis) per minggu, 12 minggu terakhir.";
    public static string RekapTrendTitle(string scope) => $"{scope}: 12 minggu terakhir";
    public const string RekapNoScope = "Anda belum punya wilayah kerja. Minta admin menambahkan kecamatan Anda, lalu coba /rekap lagi.";
    public const string EksporEmpty = "Tidak ada KPM di wilayah Anda untuk diekspor.";
    public static string EksporCaption(int rows, bool capped, int max)
        => $"<b>{N(rows)} KPM</b> di wilayah Anda (NIK disamarkan)." + (capped ? $" Dibatasi {N(max)} baris pertama; minta admin untuk ekspor lengkap." : "");

    public static string MonthName(DateOnly d) => d.ToString("MMMM", Id);

    /// <summary>Buttons are short: first two words of a name, at most 20 characters (no HTML in button text).</summary>
    private static string Short(string nama)
    {
        var s = string.Join(' ', nama.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
        return s.Length <= 20 ? s : s[..20];
    }

    private static string Cut(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..(max - 1)] + "…";
}
