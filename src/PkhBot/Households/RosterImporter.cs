using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>
/// Upserts a household roster by id_kpm; pendamping are created or updated by kode. Bad rows are skipped and
/// named (line + reason); good rows are imported in one transaction through <see cref="BulkWriter"/>.
/// An unknown desa is a warning, not a rejection: desa names are spelt many ways in real rosters, and leaving a
/// family out of the bot (no follow-ups, no nudges) costs more than a missing desa, which a re-import fixes.
/// </summary>
public sealed class RosterImporter(PkhDbContext db, TimeProvider clock, IOptions<ImportOptions> options)
{
    public const int MaxKomponen = 30;

    public async Task<ImportResult> ImportFileAsync(string path, bool dryRun, Action<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Invoke(new ImportProgress("read", 0, 0));
        var file = RosterReader.Read(path, options.Value.MaxFileMegabytes * 1024L * 1024L);
        if (file.Error is not null) return new ImportResult { DryRun = dryRun, FileError = file.Error };
        var result = await ImportRowsAsync(file.Rows, dryRun, progress, Path.GetFileName(path), ct);
        result.FileWarnings.AddRange(file.Warnings);
        return result;
    }

    public async Task<ImportResult> ImportRowsAsync(IReadOnlyList<RosterRow> rows, bool dryRun, Action<ImportProgress>? progress, string source, CancellationToken ct)
    {
        progress?.Invoke(new ImportProgress("read", rows.Count, rows.Count));
        var result = new ImportResult { DryRun = dryRun, Total = rows.Count };
        var wilayah = await WilayahIndex.LoadAsync(db, ct);
        var valid = RosterValidator.Validate(rows, wilayah, result);
        var now = clock.GetUtcNow();

        if (dryRun)
        {
            var known = await db.Pendamping.AsNoTracking().ToDictionaryAsync(p => p.Kode, StringComparer.OrdinalIgnoreCase, ct);
            PlanPendamping(valid, known, now, result);
            var existing = await LoadHouseholdsAsync(ct);
            foreach (var row in valid)
            {
                int? pid = row.PendampingKode is { } k && known.TryGetValue(k, out var p) && p.Id != 0 ? p.Id : null;
                Count(result, Classify(existing, row, pid, now, out _));
            }
            return result;
        }

        await BulkWriter.InTransactionAsync(db, async () =>
        {
            result.Added = result.Updated = result.Unchanged = result.PendampingAdded = result.PendampingUpdated = 0;
            var pendamping = await db.Pendamping.ToDictionaryAsync(p => p.Kode, StringComparer.OrdinalIgnoreCase, ct);
            PlanPendamping(valid, pendamping, now, result);
            db.ChangeTracker.DetectChanges();
            await BulkWriter.SaveChunkAsync(db, ct);

            var existing = await LoadHouseholdsAsync(ct);
            List<Household> toAdd = [], toUpdate = [];
            async Task FlushAsync()
            {
                await BulkWriter.InsertAsync(db, toAdd, ct);
                await BulkWriter.UpdateAsync(db, toUpdate, ct);
                toAdd.Clear();
                toUpdate.Clear();
            }
            for (var i = 0; i < valid.Count; i++)
            {
                var row = valid[i];
                int? pid = row.PendampingKode is { } k ? pendamping[k].Id : null;
                var outcome = Classify(existing, row, pid, now, out var entity);
                Count(result, outcome);
                if (outcome == Outcome.Added) toAdd.Add(entity!);
                else if (outcome == Outcome.Updated) toUpdate.Add(entity!);
                if (toAdd.Count + toUpdate.Count >= BulkWriter.ChunkSize) await FlushAsync();
                if ((i + 1) % 1000 == 0) progress?.Invoke(new ImportProgress("save", i + 1, valid.Count));
            }
            await FlushAsync();
            db.Audit.Add(new AuditEntry
            {
                At = now, Actor = "cli", Action = "household.import", Entity = "roster",
                EntityId = Privacy.Mask.Text(source.Length > 64 ? source[..64] : source),
                Details = $"baris={result.Total};ditambah={result.Added};diperbarui={result.Updated};tidak_berubah={result.Unchanged};ditolak={result.Rejected};pendamping_baru={result.PendampingAdded}",
            });
            await BulkWriter.SaveChunkAsync(db, ct);
            progress?.Invoke(new ImportProgress("save", valid.Count, valid.Count));
        }, ct);
        return result;
    }

    private async Task<Dictionary<string, Household>> LoadHouseholdsAsync(CancellationToken ct)
        => await db.Households.AsNoTracking().ToDictionaryAsync(h => h.IdKpm, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>Creates unknown pendamping (tracked, so the caller's SaveChanges inserts them) and updates known ones from their first row.</summary>
    private void PlanPendamping(List<ValidRow> rows, Dictionary<string, Pendamping> known, DateTimeOffset now, ImportResult result)
    {
        var seen = new Dictionary<string, ValidRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.PendampingKode is not { } kode) continue;
            if (seen.TryGetValue(kode, out var first))
            {
                if ((row.PendampingNama is not null && row.PendampingNama != first.PendampingNama) || (row.PendampingHp is not null && row.PendampingHp != first.PendampingHp))
                    result.Warnings.Add(new RowProblem(row.Line, ImportTexts.PendampingConflict(kode, first.Line)));
                continue;
            }
            seen[kode] = row;
            if (!known.TryGetValue(kode, out var p))
            {
                p = new Pendamping { Kode = kode, Nama = row.PendampingNama ?? kode, Phone = row.PendampingHp, KecamatanId = row.KecamatanId, CreatedAt = now };
                known[kode] = p;
                if (!result.DryRun) db.Pendamping.Add(p);
                result.PendampingAdded++;
                continue;
            }
            var changed = false;
            if (row.PendampingNama is { } nama && nama != p.Nama) { p.Nama = nama; changed = true; }
            if (row.PendampingHp is { } hp && hp != p.Phone) { p.Phone = hp; changed = true; }
            if (p.KecamatanId is null) { p.KecamatanId = row.KecamatanId; changed = true; }
            if (changed) result.PendampingUpdated++;
        }
    }

    private enum Outcome { Added, Updated, Unchanged }

    private static void Count(ImportResult r, Outcome o)
    {
        if (o == Outcome.Added) r.Added++;
        else if (o == Outcome.Updated) r.Updated++;
        else r.Unchanged++;
    }

    private static Outcome Classify(Dictionary<string, Household> existing, ValidRow row, int? pendampingId, DateTimeOffset now, out Household? entity)
    {
        var search = NameSearch.Normalize(row.Nama);
        if (!existing.TryGetValue(row.IdKpm, out var h))
        {
            entity = new Household
            {
                IdKpm = row.IdKpm, Nik = row.Nik, NamaPengurus = row.Nama, NamaSearch = search, Alamat = row.Alamat,
                DesaId = row.DesaId, KecamatanId = row.KecamatanId, PendampingId = pendampingId,
                IbuHamil = row.Counts[0], AnakUsiaDini = row.Counts[1], Sd = row.Counts[2], Smp = row.Counts[3],
                Sma = row.Counts[4], DisabilitasBerat = row.Counts[5], Lansia = row.Counts[6],
                Status = row.Status, CreatedAt = now, UpdatedAt = now,
            };
            return Outcome.Added;
        }
        entity = h;
        if (h.Nik == row.Nik && h.NamaPengurus == row.Nama && h.NamaSearch == search && h.Alamat == row.Alamat
            && h.DesaId == row.DesaId && h.KecamatanId == row.KecamatanId && h.PendampingId == pendampingId
            && h.IbuHamil == row.Counts[0] && h.AnakUsiaDini == row.Counts[1] && h.Sd == row.Counts[2] && h.Smp == row.Counts[3]
            && h.Sma == row.Counts[4] && h.DisabilitasBerat == row.Counts[5] && h.Lansia == row.Counts[6] && h.Status == row.Status)
            return Outcome.Unchanged;

        h.Nik = row.Nik; h.NamaPengurus = row.Nama; h.NamaSearch = search; h.Alamat = row.Alamat;
        h.DesaId = row.DesaId; h.KecamatanId = row.KecamatanId; h.PendampingId = pendampingId;
        h.IbuHamil = row.Counts[0]; h.AnakUsiaDini = row.Counts[1]; h.Sd = row.Counts[2]; h.Smp = row.Counts[3];
        h.Sma = row.Counts[4]; h.DisabilitasBerat = row.Counts[5]; h.Lansia = row.Counts[6]; h.Status = row.Status;
        h.UpdatedAt = now;
        return Outcome.Updated;
    }
}
