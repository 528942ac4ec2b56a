using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <param name="MaskedNik">Only the last four digits: this record may end up in any message.</param>
public sealed record DuplicateNik(string MaskedNik, IReadOnlyList<string> IdKpm);
public sealed record OverloadedPendamping(int PendampingId, string Nama, int Households);
public sealed record KecamatanCounts(int KecamatanId, string Kecamatan, int Households, int Active, int Pendamping);

public sealed record DataQualityResult(
    int Households,
    int Active,
    int DuplicateNikGroups,
    IReadOnlyList<DuplicateNik> Duplicates,
    int WithoutPendamping,
    IReadOnlyList<string> WithoutPendampingSample,
    int WithoutDesa,
    int NikNot16Digits,
    int UsualCaseload,
    IReadOnlyList<OverloadedPendamping> Overloaded,
    IReadOnlyList<KecamatanCounts> PerKecamatan);

/// <summary>Per-kecamatan counts of a scope: every household, the active ones, and the data problems of each kind.</summary>
public sealed record KecamatanQuality(int KecamatanId, int Households, int Active, int WithoutPendamping, int WithoutDesa, int NikNot16Digits);

/// <summary>
/// Why the counts do not add up, within a scope: duplicate NIK (masked), households without a pendamping,
/// without a desa, NIK not 16 characters, pendamping over the usual caseload, and counts per kecamatan.
/// The one definition of each data problem: /cekdata and the coordinator digest (Reminders) both count
/// through <see cref="PerKecamatan"/>.
/// </summary>
public sealed class DataQualityReport(IOptions<ReportingOptions> options)
{
    /// <summary>
    /// One GROUP BY over the scope's households (all statuses; Active = status Aktif): what /cekdata sums and
    /// what the coordinator digest shows per kecamatan.
    /// </summary>
    public static IQueryable<KecamatanQuality> PerKecamatan(IQueryable<Household> scope)
        => scope.GroupBy(h => h.KecamatanId).Select(g => new KecamatanQuality(
            g.Key,
            g.Count(),
            g.Count(h => h.Status == HouseholdStatus.Aktif),
            g.Count(h => h.PendampingId == null),
            g.Count(h => h.DesaId == null),
            g.Count(h => h.Nik.Length != 16)));

    public Task<DataQualityResult> BuildAsync(PkhDbContext db, Caller caller, CancellationToken ct)
        => BuildAsync(db, HouseholdScope.Visible(db, caller), ct);

    public static IQueryable<string> DuplicateNiks(IQueryable<Household> scope)
        => scope.GroupBy(h => h.Nik).Where(g => g.Count() > 1).Select(g => g.Key);

    /// <summary>Rows of the first 20 duplicated NIK (the caller masks the NIK before showing anything).</summary>
    public static IQueryable<Household> DuplicateNikRows(IQueryable<Household> scope)
    {
        var keys = DuplicateNiks(scope).OrderBy(k => k).Take(20);
        return scope.Where(h => keys.Contains(h.Nik)).OrderBy(h => h.Nik).ThenBy(h => h.IdKpm);
    }

    public sealed record Load(int PendampingId, int N);

    public static IQueryable<Load> Overloaded(IQueryable<Household> scope, int caseload)
        => scope.Where(h => h.PendampingId != null && h.Status == HouseholdStatus.Aktif)
            .GroupBy(h => h.PendampingId!.Value).Where(g => g.Count() > caseload)
            .OrderByDescending(g => g.Count()).Select(g => new Load(g.Key, g.Count()));

    public async Task<DataQualityResult> BuildAsync(PkhDbContext db, IQueryable<Household> scope, CancellationToken ct)
    {
        var caseload = options.Value.UsualCaseload;
        var perKec = await PerKecamatan(scope).ToListAsync(ct);
        var kecIds = perKec.Select(k => k.KecamatanId).ToList();
        var kecNames = await db.Kecamatan.Where(k => kecIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Nama, ct);
        var pendampingPerKec = await db.Pendamping.Where(p => p.Active && p.KecamatanId != null && kecIds.Contains(p.KecamatanId.Value))
            .GroupBy(p => p.KecamatanId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

        var dupGroups = await DuplicateNiks(scope).CountAsync(ct);
        var dupRows = await DuplicateNikRows(scope).Select(h => new { h.Nik, h.IdKpm }).Take(200).ToListAsync(ct);
        var duplicates = dupRows.GroupBy(r => r.Nik).Select(g => new DuplicateNik(Privacy.Mask.Nik(g.Key), g.Select(r => r.IdKpm).ToList())).ToList();

        var orphanSample = await scope.Where(h => h.PendampingId == null).OrderBy(h => h.IdKpm).Select(h => h.IdKpm).Take(10).ToListAsync(ct);

        var overloaded = await Overloaded(scope, caseload).Take(20).ToListAsync(ct);
        var overIds = overloaded.Select(o => o.PendampingId).ToList();
        var names = await db.Pendamping.Where(p => overIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Nama, ct);

        return new DataQualityResult(
            perKec.Sum(k => k.Households),
            perKec.Sum(k => k.Active),
            dupGroups,
            duplicates,
            perKec.Sum(k => k.WithoutPendamping),
            orphanSample,
            perKec.Sum(k => k.WithoutDesa),
            perKec.Sum(k => k.NikNot16Digits),
            caseload,
            overloaded.Select(o => new OverloadedPendamping(o.PendampingId, names.GetValueOrDefault(o.PendampingId, "?"), o.N)).ToList(),
            perKec.Select(k => new KecamatanCounts(k.KecamatanId, kecNames.GetValueOrDefault(k.KecamatanId, "?"), k.Households, k.Active, pendampingPerKec.GetValueOrDefault(k.KecamatanId)))
                .OrderBy(k => k.Kecamatan).ToList());
    }
}
