using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reporting;

namespace PkhBot.Reminders;

/// <summary>Numbers of one kecamatan, aggregated in SQL (GroupBy), never by loading households.</summary>
public sealed record KecamatanStats(int KecamatanId, string Nama)
{
    public int Reports7d { get; set; }
    public int Households { get; set; }
    public int Visited30d { get; set; }
    public int OpenFollowUps { get; set; }
    public int OverdueFollowUps { get; set; }
    public int GraduationsMonth { get; set; }
    public int GraduationsYear { get; set; }
    public int GraduationsPrevYearToDate { get; set; }
    public List<string> SilentPendamping { get; } = [];
    /// <summary>Data problems as Reporting's DataQualityReport defines them (households of every status).</summary>
    public int NoPendamping { get; set; }
    public int NoDesa { get; set; }
    public int BadNik { get; set; }
}

public sealed record CoordinatorDigest(string ScopeName, DateOnly Date, IReadOnlyList<KecamatanStats> Kecamatan, int SilentDays)
{
    /// <summary>For a camat or kepala desa: counts only, no pendamping named.</summary>
    public bool NamesHidden { get; init; }

    public int Sum(Func<KecamatanStats, int> f) => Kecamatan.Sum(f);
    public int VisitedPercent => Sum(k => k.Households) == 0 ? 0 : (int)Math.Round(100.0 * Sum(k => k.Visited30d) / Sum(k => k.Households));
}

/// <summary>
/// The coordinator digest: per-kecamatan numbers computed once per run, then summed per coordinator scope.
/// Households (active), KPM without pendamping, without desa and NIK not 16 digits come from Reporting's
/// <see cref="DataQualityReport.PerKecamatan"/>, so the digest and /cekdata count the same households.
/// </summary>
public sealed class DigestBuilder(PkhDbContext db, WorkCalendar calendar, IOptions<RemindersOptions> options)
{
    /// <param name="onlyDesa">A kepala desa's figures: only that desa (of the one kecamatan given), named after it.</param>
    public async Task<Dictionary<int, KecamatanStats>> StatsAsync(DateTimeOffset now, IReadOnlyCollection<int>? onlyKecamatan, CancellationToken ct, int? onlyDesa = null)
    {
        var o = options.Value;
        var today = calendar.LocalDate(now);
        var since7 = now.AddDays(-7);
        var since30 = now.AddDays(-30);
        var silentSince = now.AddDays(-o.SilentPendampingDays);
        var monthStart = calendar.AtLocal(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var yearStart = calendar.AtLocal(new DateOnly(today.Year, 1, 1), TimeOnly.MinValue);
        var prevYearStart = calendar.AtLocal(new DateOnly(today.Year - 1, 1, 1), TimeOnly.MinValue);
        var prevYearSameDay = now.AddYears(-1);
        var all = onlyKecamatan is null;
        var kecIds = onlyKecamatan?.ToList() ?? [];

        var desaName = onlyDesa is int d ? await db.Desa.Where(x => x.Id == d).Select(x => "Desa " + x.Nama).FirstOrDefaultAsync(ct) : null;
        var stats = await db.Kecamatan.AsNoTracking().Where(k => all || kecIds.Contains(k.Id)).OrderBy(k => k.Nama)
            .Select(k => new KecamatanStats(k.Id, desaName ?? k.Nama)).ToDictionaryAsync(k => k.KecamatanId, ct);

        var households = db.Households.AsNoTracking().Where(h => (all || kecIds.Contains(h.KecamatanId)) && (onlyDesa == null || h.DesaId == onlyDesa));
        // Data-quality counts: Reporting's one definition (the same query /cekdata sums).
        foreach (var q in await DataQualityReport.PerKecamatan(households).ToListAsync(ct))
        {
            if (!stats.TryGetValue(q.KecamatanId, out var s)) continue;
            (s.Households, s.NoPendamping, s.NoDesa, s.BadNik) = (q.Active, q.WithoutPendamping, q.WithoutDesa, q.NikNot16Digits);
        }
        foreach (var v in await households.Where(h => h.Status == HouseholdStatus.Aktif && h.LastReportAt >= since30)
                     .GroupBy(h => h.KecamatanId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            if (stats.TryGetValue(v.Key, out var s)) s.Visited30d = v.Count;

        foreach (var r in await db.Reports.AsNoTracking()
                     .Where(r => !r.Withdrawn && r.EventAt >= since7 && r.EventAt <= now && (all || kecIds.Contains(r.Household!.KecamatanId))
                                 && (onlyDesa == null || r.Household!.DesaId == onlyDesa))
                     .GroupBy(r => r.Household!.KecamatanId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            if (stats.TryGetValue(r.Key, out var s)) s.Reports7d = r.Count;

        foreach (var f in await db.FollowUps.AsNoTracking()
                     .Where(f => f.Status == FollowUpStatus.Open && (all || kecIds.Contains(f.Household!.KecamatanId))
                                 && (onlyDesa == null || f.Household!.DesaId == onlyDesa))
                     .GroupBy(f => f.Household!.KecamatanId)
                     .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(f => f.DueDate < today) }).ToListAsync(ct))
            if (stats.TryGetValue(f.Key, out var s)) (s.OpenFollowUps, s.OverdueFollowUps) = (f.Open, f.Overdue);

        foreach (var g in await db.Graduations.AsNoTracking()
                     .Where(x => x.GraduatedAt >= prevYearStart && x.GraduatedAt <= now && (all || kecIds.Contains(x.Household!.KecamatanId))
                                 && (onlyDesa == null || x.Household!.DesaId == onlyDesa))
                     .GroupBy(x => x.Household!.KecamatanId)
                     .Select(g => new
                     {
                         g.Key,
                         Month = g.Count(x => x.GraduatedAt >= monthStart),
                         Year = g.Count(x => x.GraduatedAt >= yearStart),
                         Prev = g.Count(x => x.GraduatedAt < yearStart && x.GraduatedAt <= prevYearSameDay),
                     }).ToListAsync(ct))
            if (stats.TryGetValue(g.Key, out var s)) (s.GraduationsMonth, s.GraduationsYear, s.GraduationsPrevYearToDate) = (g.Month, g.Year, g.Prev);

        // Pendamping work per kecamatan, not per desa: a kepala desa's figures name none.
        foreach (var p in await db.Pendamping.AsNoTracking()
                     .Where(p => onlyDesa == null && p.Active && p.KecamatanId != null && (all || kecIds.Contains(p.KecamatanId!.Value))
                                 && !db.Reports.Any(r => r.PendampingId == p.Id && r.ReceivedAt >= silentSince))
                     .OrderBy(p => p.Nama).Select(p => new { KecamatanId = p.KecamatanId!.Value, p.Nama }).ToListAsync(ct))
            if (stats.TryGetValue(p.KecamatanId, out var s)) s.SilentPendamping.Add(p.Nama);

        return stats;
    }

    public CoordinatorDigest For(string scopeName, DateTimeOffset now, IEnumerable<KecamatanStats> kecamatan)
        => new(scopeName, calendar.LocalDate(now), kecamatan.OrderBy(k => k.Nama).ToList(), options.Value.SilentPendampingDays);

    public static string ScopeName(bool wholeKabupaten, IEnumerable<KecamatanStats> kecamatan)
        => wholeKabupaten ? "Kabupaten Bojonegoro" : "Kec. " + string.Join(", ", kecamatan.Select(k => k.Nama).Order());
}
