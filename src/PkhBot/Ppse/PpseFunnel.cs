using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Referrals;
using PkhBot.Reporting;

namespace PkhBot.Ppse;

/// <param name="Stages">Households per <see cref="PpseStage"/> (index = stage).</param>
/// <param name="MandiriPeriod">Graduations since the period start the caller gave (a month, for the monthly report).</param>
/// <param name="Key">The kecamatan id, or the pendamping id (0: none) when rows are per pendamping.</param>
public sealed record PpseRow(int Key, string Name, int[] Stages, int MandiriYear, int AlamiahYear, int Pendamping, int Target, int MandiriPeriod = 0, int AlamiahPeriod = 0);

public sealed record PpseFigures(
    DateTimeOffset AsOf,
    int Year,
    int Households,
    int[] Stages,
    int MandiriYear,
    int AlamiahYear,
    int Target,
    IReadOnlyList<PpseRow> Rows,
    bool RowsArePendamping,
    IReadOnlyList<MitraCounts> Mitra,
    int MandiriPeriod = 0,
    int AlamiahPeriod = 0,
    int WithoutStatement = 0)
{
    public int Active => Stages[..(int)PpseStage.GraduasiMandiri].Sum();

    /// <summary>The figures of some rows only (a coordinator's kecamatan out of the kabupaten's).</summary>
    public PpseFigures Only(Func<PpseRow, bool> keep)
    {
        var rows = Rows.Where(keep).ToList();
        var stages = Enumerable.Range(0, Stages.Length).Select(i => rows.Sum(r => r.Stages[i])).ToArray();
        return this with
        {
            Households = stages.Sum(), Stages = stages, Rows = rows, Mitra = [],
            MandiriYear = rows.Sum(r => r.MandiriYear), AlamiahYear = rows.Sum(r => r.AlamiahYear), Target = rows.Sum(r => r.Target),
        };
    }
}

/// <summary>
/// The PPSE path of a scope, computed: each active household's stage from its reports, referrals and the graduation
/// rules (the same <see cref="GraduationCandidates"/> as /kandidat), graduations this year against the target, and
/// referrals per mitra. Grouped per kecamatan, or per pendamping when the scope is one kecamatan.
/// </summary>
public sealed class PpseFunnel(GraduationCandidates rules, IOptions<PpseOptions> options)
{
    private sealed record Row(int Id, int KecamatanId, int? PendampingId, HouseholdStatus Status);

    /// <param name="perPendamping">Rows per pendamping; by default only when the scope is one kecamatan.</param>
    public async Task<PpseFigures> ComputeAsync(PkhDbContext db, IQueryable<Household> scope, DateTimeOffset asOf, CancellationToken ct,
        DateTimeOffset? periodStart = null, bool? perPendamping = null)
    {
        var households = await scope.AsNoTracking().Select(h => new Row(h.Id, h.KecamatanId, h.PendampingId, h.Status)).ToListAsync(ct);
        var ruleSet = await rules.ApplyAsync(db, scope, asOf, ct);
        var candidates = ruleSet.Income.Keys.Concat(ruleSet.Business.Keys).ToHashSet();
        var income = (await ruleSet.IncomeReports.Select(r => r.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
        var assisted = await ReferralFigures.AssistedAsync(db, scope, ct);
        var business = await GraduationFigures.WithBusinessAsync(db, scope, asOf, ct);

        var year = Wib.ToWib(asOf).Year;
        var yearStart = Wib.StartOfDay(new DateOnly(year, 1, 1));
        var graduations = await GraduationFigures.InPeriodAsync(db, scope, yearStart, asOf, ct);
        var graduated = graduations.ToLookup(g => g.HouseholdId);

        PpseStage? StageOf(Row h) => h.Status switch
        {
            HouseholdStatus.GraduasiMandiri => PpseStage.GraduasiMandiri,
            HouseholdStatus.Aktif when candidates.Contains(h.Id) => PpseStage.Kandidat,
            HouseholdStatus.Aktif when income.Contains(h.Id) => PpseStage.PenghasilanCukup,
            HouseholdStatus.Aktif when assisted.Contains(h.Id) => PpseStage.Didampingi,
            HouseholdStatus.Aktif when business.Contains(h.Id) => PpseStage.UsahaBerjalan,
            HouseholdStatus.Aktif => PpseStage.TanpaUsaha,
            _ => null,
        };

        var allPendamping = await db.Pendamping.CountAsync(p => p.Active, ct);
        var byPendamping = perPendamping ?? households.Select(h => h.KecamatanId).Distinct().Count() == 1;
        var names = byPendamping
            ? await db.Pendamping.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Nama, ct)
            : await db.Kecamatan.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Nama, ct);
        var rows = households
            .GroupBy(h => byPendamping ? h.PendampingId ?? 0 : h.KecamatanId)
            .Select(g => Summarise(g.Key, names.GetValueOrDefault(g.Key) ?? PpseTexts.NoPendamping, g.ToList()))
            .OrderByDescending(r => r.MandiriYear).ThenByDescending(r => r.Stages[(int)PpseStage.Kandidat]).ThenBy(r => r.Name)
            .ToList();
        var total = Summarise(0, "", households);
        return new PpseFigures(asOf, year, households.Count, total.Stages, total.MandiriYear, total.AlamiahYear, total.Target, rows, byPendamping,
            await ReferralFigures.PerMitraAsync(db, scope, asOf, ct), total.MandiriPeriod, total.AlamiahPeriod,
            await GraduationFigures.WithoutStatementAsync(db, scope, ct));

        PpseRow Summarise(int key, string name, List<Row> group)
        {
            var stages = new int[Enum.GetValues<PpseStage>().Length];
            foreach (var h in group) if (StageOf(h) is { } s) stages[(int)s]++;
            var grads = group.SelectMany(h => graduated[h.Id]).ToList();
            var pendamping = group.Select(h => h.PendampingId).OfType<int>().Distinct().Count();
            var inPeriod = grads.Where(g => periodStart is { } from && g.GraduatedAt >= from).ToList();
            return new PpseRow(key, name, stages, grads.Count(g => g.Type == GraduationType.Mandiri), grads.Count(g => g.Type == GraduationType.Alamiah),
                pendamping, Target(pendamping, allPendamping),
                inPeriod.Count(g => g.Type == GraduationType.Mandiri), inPeriod.Count(g => g.Type == GraduationType.Alamiah));
        }
    }

    /// <summary>The scope's share of the yearly target: by its pendamping.</summary>
    public int Target(int scopePendamping, int allPendamping)
        => options.Value.TargetPerYear is int kabupaten
            ? allPendamping == 0 ? 0 : (int)Math.Round((double)kabupaten * scopePendamping / allPendamping)
            : options.Value.TargetPerPendamping * scopePendamping;
}
