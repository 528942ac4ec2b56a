using System.Globalization;
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

/// <summary>A roster row that passed every check, with its ids resolved.</summary>
public sealed record ValidRow(
    int Line, string IdKpm, string Nik, string Nama, string? Alamat, int KecamatanId, int? DesaId,
    string? PendampingKode, string? PendampingNama, string? PendampingHp, int[] Counts, HouseholdStatus Status);

/// <summary>The row checks, separate from the database work so they can be unit tested.</summary>
public static class RosterValidator
{
    public static List<ValidRow> Validate(IReadOnlyList<RosterRow> rows, WilayahIndex wilayah, ImportResult result)
    {
        var reasons = new Dictionary<int, List<string>>();
        void Reject(RosterRow r, string reason)
        {
            if (!reasons.TryGetValue(r.Line, out var list)) reasons[r.Line] = list = [];
            list.Add(reason);
        }

        // Duplicates inside the file: every row of the group is named, since we cannot know which one is right.
        foreach (var g in rows.Where(r => r[RosterColumns.IdKpm].Length > 0).GroupBy(r => r[RosterColumns.IdKpm], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            foreach (var r in g) Reject(r, ImportTexts.DuplicateId(r[RosterColumns.IdKpm], g.Where(o => o != r).Select(o => o.Line)));
        foreach (var g in rows.Select(r => (Row: r, Nik: CleanNik(r[RosterColumns.Nik]))).Where(x => IsNik(x.Nik)).GroupBy(x => x.Nik).Where(g => g.Count() > 1))
            foreach (var x in g) Reject(x.Row, ImportTexts.DuplicateNik(g.Where(o => o.Row != x.Row).Select(o => o.Row.Line)));

        var valid = new List<ValidRow>(rows.Count);
        foreach (var r in rows)
        {
            var v = Check(r, wilayah, reason => Reject(r, reason), out var warnings);
            if (reasons.TryGetValue(r.Line, out var list))
            {
                result.Errors.Add(new RowProblem(r.Line, string.Join("; ", list)));
                continue;
            }
            result.Warnings.AddRange(warnings.Select(w => new RowProblem(r.Line, w)));
            valid.Add(v!);
        }
        return valid;
    }

    private static ValidRow? Check(RosterRow r, WilayahIndex wilayah, Action<string> reject, out List<string> warnings)
    {
        warnings = [];
        var ok = true;
        void Fail(string reason) { reject(reason); ok = false; }

        var id = r[RosterColumns.IdKpm];
        if (id.Length == 0) Fail(ImportTexts.MissingId);
        else if (id.Length > 32) Fail(ImportTexts.IdTooLong(32));

        var nik = CleanNik(r[RosterColumns.Nik]);
        if (!IsNik(nik)) Fail(ImportTexts.BadNik);

        var nama = r[RosterColumns.NamaPengurus];
        if (nama.Length == 0) Fail(ImportTexts.MissingName);
        CheckText(nama, "nama_pengurus", 150, Fail);
        var alamat = r[RosterColumns.Alamat];
        CheckText(alamat, "alamat", 300, Fail);
        var pNama = r[RosterColumns.PendampingNama];
        CheckText(pNama, "pendamping_nama", 150, Fail);
        var pKode = r[RosterColumns.PendampingKode];
        CheckText(pKode, "pendamping_kode", 32, Fail);
        var pHp = r[RosterColumns.PendampingHp];
        if (pHp.Length > 0 && (pHp.Length > 32 || !pHp.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            Fail("pendamping_hp bukan nomor telepon");

        int kecamatanId = 0;
        int? desaId = null;
        var kecName = r[RosterColumns.Kecamatan];
        if (kecName.Length == 0) Fail(ImportTexts.MissingKecamatan);
        else if (wilayah.FindKecamatan(kecName) is not { } kec) Fail(ImportTexts.UnknownKecamatan(kecName));
        else
        {
            kecamatanId = kec.Id;
            var desa = r[RosterColumns.Desa];
            desaId = wilayah.FindDesa(kec.Id, desa);
            if (desaId is null) warnings.Add(desa.Length == 0 ? "desa kosong" : ImportTexts.UnknownDesa(desa, kec.Nama));
        }

        var counts = new int[RosterColumns.Komponen.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var col = RosterColumns.Komponen[i];
            var text = r[col];
            if (text.Length == 0) continue;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < 0 || n > RosterImporter.MaxKomponen)
                Fail(ImportTexts.BadCount(RosterColumns.Names[col], text.Length > 20 ? text[..20] : text));
            else counts[i] = n;
        }

        var statusText = r[RosterColumns.Status];
        var status = ParseStatus(statusText);
        if (status is null) Fail(ImportTexts.BadStatus(statusText.Length > 30 ? statusText[..30] : statusText));

        if (!ok) return null;
        return new ValidRow(r.Line, id, nik, nama, alamat.Length == 0 || alamat.All(c => c == '-') ? null : alamat, kecamatanId, desaId,
            pKode.Length == 0 ? null : pKode, pNama.Length == 0 ? null : pNama, pHp.Length == 0 ? null : pHp, counts, status!.Value);
    }

    private static void CheckText(string text, string column, int max, Action<string> fail)
    {
        if (Spreadsheet.IsSuspiciousCell(text)) fail(ImportTexts.Formula(column));
        else if (text.Length > max) fail(ImportTexts.TooLong(column, max));
    }

    /// <summary>Excel users type a leading ' to keep NIK as text; spaces creep in when copying.</summary>
    public static string CleanNik(string nik) => nik.Trim().TrimStart('\'').Replace(" ", "");

    public static bool IsNik(string nik) => nik.Length == 16 && nik.All(char.IsAsciiDigit);

    /// <summary>Empty means aktif; "Graduasi Mandiri" and "graduasi-mandiri" are accepted too.</summary>
    public static HouseholdStatus? ParseStatus(string text) => text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
    {
        "" or "aktif" => HouseholdStatus.Aktif,
        "graduasi_mandiri" => HouseholdStatus.GraduasiMandiri,
        "graduasi_alamiah" => HouseholdStatus.GraduasiAlamiah,
        "nonaktif" or "non_aktif" => HouseholdStatus.Nonaktif,
        _ => null,
    };
}
