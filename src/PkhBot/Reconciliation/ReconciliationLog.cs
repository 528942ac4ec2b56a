using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Reconciliation;

/// <summary>Records each run's summary and reads the latest back within a caller's scope (for /cekdata).</summary>
public sealed class ReconciliationLog(PkhDbContext db, TimeProvider clock)
{
    /// <summary>Older summaries are of no use once a newer list was compared: a few are kept for comparison.</summary>
    public const int Kept = 20;

    public async Task RecordAsync(ReconciliationResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.ReconciliationRuns.Add(new ReconciliationRun
        {
            RanAt = now,
            FileName = result.FileName.Length > 260 ? result.FileName[..260] : result.FileName,
            RowsRead = result.RowsRead,
            KecamatanFilter = result.KecamatanFilter,
            KecamatanJson = JsonSerializer.Serialize(result.Kecamatan),
        });
        db.Audit.Add(new AuditEntry
        {
            At = now, Actor = "cli", Action = "reconcile.run", Entity = "reconciliation", EntityId = result.FileName.Length > 64 ? result.FileName[..64] : result.FileName,
            Details = $"rows={result.RowsRead} only_in_file={result.Total.OnlyInFile} only_in_database={result.Total.OnlyInDatabase} " +
                      $"status_differs={result.Total.StatusDiffers} nik_differs={result.Total.NikDiffers}",
        });
        await db.SaveChangesAsync(ct);
        var old = await db.ReconciliationRuns.OrderByDescending(r => r.Id).Skip(Kept).Select(r => r.Id).ToListAsync(ct);
        if (old.Count > 0) await db.ReconciliationRuns.Where(r => old.Contains(r.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The latest run made before <paramref name="before"/>, or null.</summary>
    public Task<ReconciliationRun?> LatestAsync(DateTimeOffset before, CancellationToken ct)
        => db.ReconciliationRuns.AsNoTracking().Where(r => r.RanAt <= before).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    public static List<KecamatanCounts> Kecamatan(ReconciliationRun run) => JsonSerializer.Deserialize<List<KecamatanCounts>>(run.KecamatanJson) ?? [];

    /// <summary>The latest run's counts summed over the kecamatan the caller may see; null when none was run.</summary>
    public async Task<ScopedSummary?> LatestForAsync(Caller caller, CancellationToken ct)
    {
        var run = await db.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var all = Kecamatan(run);
        var seen = caller.IsAdmin || caller.WholeKabupaten
            ? all
            : all.Where(k => k.KecamatanId is int id && caller.KecamatanIds.Contains(id)).ToList();
        var total = seen.Aggregate(GroupCounts.Zero, (sum, k) => sum.Plus(k.Counts));
        return new ScopedSummary(run.RanAt, run.FileName, run.KecamatanFilter, total, seen);
    }
}

public sealed record ScopedSummary(DateTimeOffset RanAt, string FileName, string? KecamatanFilter, GroupCounts Total, IReadOnlyList<KecamatanCounts> Kecamatan);
