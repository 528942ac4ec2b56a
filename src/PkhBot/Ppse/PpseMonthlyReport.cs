using MiniExcelLibs;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Reconciliation;
using PkhBot.Referrals;

namespace PkhBot.Ppse;

/// <summary>
/// `report ppse --month YYYY-MM`: the monthly PPSE report for the Bupati, as of the month's end (or now, for the
/// running month). Sheets: a summary, the path per kecamatan, referrals per mitra, and the latest reconciliation
/// with the official list. Figures only: no names, no NIK.
/// </summary>
public sealed class PpseMonthlyReport(PkhDbContext db, PpseFunnel funnel, ReconciliationLog reconciliations, MitraCatalogue catalogue)
{
    public sealed record Written(PpseFigures Figures, DateTimeOffset From, DateTimeOffset AsOf);

    public async Task<Written> WriteAsync(string path, int year, int month, DateTimeOffset now, CancellationToken ct)
    {
        var from = Reporting.Wib.StartOfDay(new DateOnly(year, month, 1));
        var end = Reporting.Wib.StartOfDay(new DateOnly(year, month, 1).AddMonths(1));
        var asOf = end < now ? end : now;
        var figures = await funnel.ComputeAsync(db, db.Households, asOf, ct, periodStart: from);
        var reconciliation = await reconciliations.LatestAsync(asOf, ct);

        var sheets = new Dictionary<string, object>
        {
            ["ringkasan"] = Summary(figures, year, month, asOf, reconciliation),
            ["per_kecamatan"] = figures.Rows.Select(r => Row(r)).ToList(),
            ["rujukan_mitra"] = Mitra(figures.Mitra),
            ["rekonsiliasi"] = Reconciliation(reconciliation),
        };
        await using var stream = Privacy.OwnerOnlyFile.Create(path);
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return new Written(figures, from, asOf);
    }

    private static List<Dictionary<string, object?>> Summary(PpseFigures f, int year, int month, DateTimeOffset asOf, ReconciliationRun? run)
    {
        var lines = new List<(string, object?)>
        {
            ("Bulan", $"{year:0000}-{month:00}"),
            ("Data per", Reporting.Wib.DateTime(asOf)),
            ("KPM di data bot", f.Households),
            ("KPM aktif", f.Active),
            ("Graduasi mandiri bulan ini", f.MandiriPeriod),
            ("Graduasi alamiah bulan ini", f.AlamiahPeriod),
            ($"Graduasi mandiri {f.Year}", f.MandiriYear),
            ($"Graduasi alamiah {f.Year}", f.AlamiahYear),
            ($"Target graduasi mandiri {f.Year}", f.Target),
            ("Capaian target", PpseTexts.Percent(f.MandiriYear, f.Target)),
        };
        lines.AddRange(Enum.GetValues<PpseStage>().Select(s => ($"Tahap: {PpseTexts.StageName(s)}", (object?)f.Stages[(int)s])));
        lines.Add(("Rujukan ke mitra (semua)", f.Mitra.Sum(m => m.Total)));
        lines.Add(("Graduasi mandiri tanpa surat pernyataan", f.WithoutStatement));
        lines.Add(("Rekonsiliasi terakhir", run is null ? "belum pernah" : $"{run.FileName} ({Reporting.Wib.DateTime(run.RanAt)})"));
        return lines.Select(l => new Dictionary<string, object?> { ["uraian"] = l.Item1, ["nilai"] = l.Item2 }).ToList();
    }

    private static Dictionary<string, object?> Row(PpseRow r)
    {
        var d = new Dictionary<string, object?> { ["kecamatan"] = Spreadsheet.Neutralize(r.Name) };
        foreach (var s in Enum.GetValues<PpseStage>()) d[PpseTexts.StageName(s).ToLowerInvariant().Replace(' ', '_')] = r.Stages[(int)s];
        d["graduasi_mandiri_bulan_ini"] = r.MandiriPeriod;
        d["graduasi_alamiah_bulan_ini"] = r.AlamiahPeriod;
        d["graduasi_mandiri_tahun_ini"] = r.MandiriYear;
        d["graduasi_alamiah_tahun_ini"] = r.AlamiahYear;
        d["target_tahun_ini"] = r.Target;
        d["pendamping"] = r.Pendamping;
        return d;
    }

    private List<Dictionary<string, object?>> Mitra(IReadOnlyList<MitraCounts> mitra)
    {
        if (mitra.Count == 0) return [new() { ["mitra"] = "(belum ada rujukan)", ["menunggu"] = null, ["diterima"] = null, ["selesai"] = null, ["ditolak"] = null }];
        return mitra.Select(m => new Dictionary<string, object?>
        {
            ["mitra"] = catalogue.Find(m.MitraCode)?.Name ?? m.MitraCode,
            ["menunggu"] = m.Sent, ["diterima"] = m.Accepted, ["selesai"] = m.Done, ["ditolak"] = m.Declined,
        }).ToList();
    }

    private static List<Dictionary<string, object?>> Reconciliation(ReconciliationRun? run)
    {
        var kecamatan = run is null ? [] : ReconciliationLog.Kecamatan(run);
        if (kecamatan.Count == 0) return [new() { ["kecamatan"] = "(belum ada rekonsiliasi)", ["in_both"] = null, ["only_in_file"] = null, ["only_in_database"] = null, ["status_differs"] = null, ["nik_differs"] = null }];
        return kecamatan.Select(k => new Dictionary<string, object?>
        {
            ["kecamatan"] = Spreadsheet.Neutralize(k.Name),
            ["in_both"] = k.Counts.InBoth, ["only_in_file"] = k.Counts.OnlyInFile, ["only_in_database"] = k.Counts.OnlyInDatabase,
            ["status_differs"] = k.Counts.StatusDiffers, ["nik_differs"] = k.Counts.NikDiffers,
        }).ToList();
    }
}
