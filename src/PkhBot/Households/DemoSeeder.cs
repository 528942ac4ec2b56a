using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Data;
using PkhBot.Reporting;

namespace PkhBot.Households;

/// <summary>
/// Deterministic demo data shaped like Bojonegoro: the 28 real kecamatan and their desa (already loaded by migrate),
/// 209 pendamping spread by desa count, N households with komponen and a few months of reports, follow-ups and
/// graduations, graduation candidates for every pendamping (<see cref="DemoCandidates"/>). Idempotent: existing pendamping and households (by kode and id_kpm) are kept, so a second run adds
/// nothing. Writes with the roster import's bulk path (<see cref="BulkWriter"/>).
/// </summary>
public sealed class DemoSeeder(PkhDbContext db, TimeProvider clock, IOptions<GraduationRulesOptions> rules)
{
    public const int DefaultHouseholds = 55_028;
    public const int PendampingCount = 209;
    private const int Seed = 3522;

    public sealed record SeedResult(int PendampingAdded, int HouseholdsAdded, int ReportsAdded, int FollowUpsAdded, int GraduationsAdded);

    public async Task<bool> IsEmptyAsync(CancellationToken ct) => !await db.Households.AnyAsync(ct);

    public Task SeedAsync(int households, CancellationToken ct) => SeedWithResultAsync(households, null, ct);

    public async Task<SeedResult> SeedWithResultAsync(int households, Action<int, int>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kecamatan = await db.Kecamatan.AsNoTracking().Include(k => k.Desa).OrderBy(k => k.Kode).ToListAsync(ct);
        if (kecamatan.Count == 0) throw new InvalidOperationException("Tabel kecamatan kosong: jalankan migrate dulu.");
        foreach (var k in kecamatan) k.Desa = k.Desa.OrderBy(d => d.Kode).ToList();

        // Everything is generated up front, existing or not, so the random sequence (and the data) is the same on every run.
        var faker = new Faker("id_ID") { Random = new Randomizer(Seed) };
        var desaCounts = kecamatan.Select(k => k.Desa.Count).ToArray();
        var pendamping = BuildPendamping(faker, kecamatan, Apportion(PendampingCount, desaCounts, minimum: 1), now);
        var plans = BuildHouseholds(faker, kecamatan, Apportion(households, desaCounts, minimum: 0), pendamping, now).ToList();
        AddCandidates(plans, now);

        SeedResult result = new(0, 0, 0, 0, 0);
        await BulkWriter.InTransactionAsync(db, async () =>
        {
            var existingKode = (await db.Pendamping.Select(p => p.Kode).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var newPendamping = pendamping.Where(p => !existingKode.Contains(p.Kode)).ToList();
            await BulkWriter.InsertAsync(db, newPendamping, ct);
            var pendampingIds = await db.Pendamping.Select(p => new { p.Kode, p.Id }).ToDictionaryAsync(p => p.Kode, p => p.Id, StringComparer.OrdinalIgnoreCase, ct);

            var existingIds = (await db.Households.Select(h => h.IdKpm).ToListAsync(ct)).ToHashSet();
            var fresh = plans.Where(p => !existingIds.Contains(p.Household.IdKpm)).ToList();
            int reports = 0, followUps = 0, graduations = 0, added = 0;
            foreach (var chunk in fresh.Chunk(BulkWriter.ChunkSize))
            {
                foreach (var c in chunk)
                {
                    var pid = pendampingIds[c.PendampingKode];
                    c.Household.PendampingId = pid;
                    foreach (var r in c.Reports) r.PendampingId = pid;
                    foreach (var (f, _) in c.FollowUps) f.PendampingId = pid;
                    foreach (var g in c.Graduations) g.PendampingId = pid;
                }
                await BulkWriter.InsertAsync(db, chunk.Select(c => c.Household).ToList(), ct);
                foreach (var c in chunk) foreach (var r in c.Reports) r.HouseholdId = c.Household.Id;
                await BulkWriter.InsertAsync(db, chunk.SelectMany(c => c.Reports).ToList(), ct);
                foreach (var c in chunk)
                {
                    foreach (var (f, report) in c.FollowUps) { f.HouseholdId = c.Household.Id; f.ReportId = report.Id; }
                    foreach (var g in c.Graduations) g.HouseholdId = c.Household.Id;
                    reports += c.Reports.Count; followUps += c.FollowUps.Count; graduations += c.Graduations.Count;
                }
                await BulkWriter.InsertAsync(db, chunk.SelectMany(c => c.FollowUps).Select(x => x.Item1).ToList(), ct);
                await BulkWriter.InsertAsync(db, chunk.SelectMany(c => c.Graduations).ToList(), ct);
                added += chunk.Length;
                progress?.Invoke(added, fresh.Count);
            }
            if (newPendamping.Count + added > 0)
            {
                db.Audit.Add(new AuditEntry
                {
                    At = now, Actor = "cli", Action = "demo.seed", Entity = "demo", EntityId = households.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Details = $"pendamping={newPendamping.Count};rumah_tangga={added};laporan={reports};tindak_lanjut={followUps};graduasi={graduations}",
                });
                await BulkWriter.SaveChunkAsync(db, ct);
            }
            result = new SeedResult(newPendamping.Count, added, reports, followUps, graduations);
        }, ct);
        return result;
    }

    /// <summary>Largest-remainder split of <paramref name="total"/> proportional to <paramref name="weights"/>.</summary>
    public static int[] Apportion(int total, int[] weights, int minimum)
    {
        var result = new int[weights.Length];
        var baseTotal = Math.Max(0, total - minimum * weights.Length);
        var sum = (double)weights.Sum();
        var remainders = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = baseTotal * weights[i] / sum;
            result[i] = minimum + (int)Math.Floor(exact);
            remainders[i] = exact - Math.Floor(exact);
        }
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(Math.Max(0, left)))
            result[i]++;
        return result;
    }

    private static List<Pendamping> BuildPendamping(Faker f, List<Kecamatan> kecamatan, int[] perKec, DateTimeOffset now)
    {
        var list = new List<Pendamping>(PendampingCount);
        for (var k = 0; k < kecamatan.Count; k++)
        {
            for (var i = 0; i < perKec[k]; i++)
            {
                var female = f.Random.Bool(0.6f);
                var name = f.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male) + " " + f.Name.LastName();
                var phone = "08" + f.PickRandom("12", "13", "21", "22", "52", "53", "57", "77", "78", "95", "96") + f.Random.ReplaceNumbers("########");
                list.Add(new Pendamping
                {
                    Kode = $"PDP-{list.Count + 1:000}", Nama = name, Phone = phone, KecamatanId = kecamatan[k].Id, Active = true, CreatedAt = now.AddYears(-2),
                });
            }
        }
        return list;
    }

    /// <summary>Each pendamping's last active households (the first ones are the demo referrals') become graduation candidates.</summary>
    private void AddCandidates(List<HouseholdPlan> plans, DateTimeOffset now)
    {
        foreach (var own in plans.Where(p => p.Household.Status == HouseholdStatus.Aktif).GroupBy(p => p.PendampingKode).Select(g => g.ToList()))
        {
            var n = 0;
            foreach (var plan in own.TakeLast(own.Count >= DemoCandidates.SecondFrom ? 2 : 1))
            {
                plan.Reports.AddRange(DemoCandidates.Reports(n++, own.IndexOf(plan), rules.Value, now));
                plan.Household.LastReportAt = plan.Reports.Max(r => r.EventAt);
            }
        }
    }

    private sealed record HouseholdPlan(Household Household, string PendampingKode, List<ProgressReport> Reports, List<(FollowUp, ProgressReport)> FollowUps, List<Graduation> Graduations);

    private static readonly string[] Dusun = ["Krajan", "Sumber", "Ngasem", "Kedungsari", "Mulyorejo", "Tegalrejo", "Jatisari", "Karanganyar", "Sidomulyo", "Ngampel", "Gempol", "Pucang"];

    private static IEnumerable<HouseholdPlan> BuildHouseholds(Faker f, List<Kecamatan> kecamatan, int[] perKec, List<Pendamping> pendamping, DateTimeOffset now)
    {
        for (var k = 0; k < kecamatan.Count; k++)
        {
            var kec = kecamatan[k];
            var kecNo = int.Parse(kec.Kode[^2..], System.Globalization.CultureInfo.InvariantCulture);
            var own = pendamping.Where(p => p.KecamatanId == kec.Id).Select(p => p.Kode).ToArray();
            for (var i = 0; i < perKec[k]; i++)
            {
                // Households are spread over the kecamatan's desa; each pendamping covers a block of neighbouring desa.
                var desaIndex = i % kec.Desa.Count;
                yield return BuildHousehold(f, kec, kecNo, kec.Desa[desaIndex], own[desaIndex * own.Length / kec.Desa.Count], i + 1, now);
            }
        }
    }

    private static HouseholdPlan BuildHousehold(Faker f, Kecamatan kec, int kecNo, Desa desa, string pendampingKode, int serial, DateTimeOffset now)
    {
        // The pengurus is usually the mother. NIK: 35 22 + kecamatan + birth date (day + 40 for women) + serial.
        var female = f.Random.Bool(0.9f);
        var nama = f.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male) + " " + f.Name.LastName();
        var birth = new DateTime(f.Random.Int(1960, 2003), f.Random.Int(1, 12), f.Random.Int(1, 28));
        var h = new Household
        {
            IdKpm = $"3522{kecNo:00}{serial:000000}{f.Random.Int(10, 99)}",
            Nik = $"3522{kecNo:00}{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{serial % 10_000:0000}",
            NamaPengurus = nama,
            NamaSearch = NameSearch.Normalize(nama),
            Alamat = $"Dsn. {f.PickRandom(Dusun)} RT {f.Random.Int(1, 12):000} RW {f.Random.Int(1, 6):000}",
            DesaId = desa.Id,
            KecamatanId = kec.Id,
            IbuHamil = f.Random.Bool(0.05f) ? 1 : 0,
            AnakUsiaDini = f.Random.WeightedRandom([0, 1, 2], [0.55f, 0.35f, 0.10f]),
            Sd = f.Random.WeightedRandom([0, 1, 2, 3], [0.40f, 0.40f, 0.17f, 0.03f]),
            Smp = f.Random.WeightedRandom([0, 1, 2], [0.65f, 0.30f, 0.05f]),
            Sma = f.Random.WeightedRandom([0, 1, 2], [0.75f, 0.22f, 0.03f]),
            DisabilitasBerat = f.Random.Bool(0.04f) ? 1 : 0,
            Lansia = f.Random.WeightedRandom([0, 1], [0.78f, 0.22f]),
            Status = f.Random.WeightedRandom(
                [HouseholdStatus.Aktif, HouseholdStatus.GraduasiMandiri, HouseholdStatus.GraduasiAlamiah, HouseholdStatus.Nonaktif],
                [0.94f, 0.03f, 0.01f, 0.02f]),
            CreatedAt = now.AddYears(-1),
            UpdatedAt = now.AddYears(-1),
        };
        if (h.KomponenCount == 0) h.Sd = 1; // PKH needs at least one komponen

        var plan = new HouseholdPlan(h, pendampingKode, [], [], []);
        var reportCount = f.Random.WeightedRandom([0, 1, 2, 3], [0.40f, 0.30f, 0.20f, 0.10f]);
        for (var r = 0; r < reportCount; r++)
        {
            var at = now.AddDays(-f.Random.Double(0.5, 150)).AddMinutes(-f.Random.Int(0, 600));
            var category = f.Random.WeightedRandom(
                [ReportCategory.Kunjungan, ReportCategory.Pendidikan, ReportCategory.Kesehatan, ReportCategory.Usaha, ReportCategory.Kendala, ReportCategory.P2k2],
                [0.35f, 0.15f, 0.15f, 0.12f, 0.13f, 0.10f]);
            var report = new ProgressReport
            {
                EventAt = at, ReceivedAt = at.AddMinutes(f.Random.Int(1, 240)), Category = category, Note = DemoNotes.For(f, category),
                IncomeRupiah = category == ReportCategory.Usaha ? f.Random.Int(5, 40) * 100_000L : null,
                AttendancePercent = category == ReportCategory.Pendidikan ? f.Random.Int(60, 100) : null,
            };
            plan.Reports.Add(report);
            if (category != ReportCategory.Kendala) continue;
            var open = f.Random.Bool(0.6f);
            plan.FollowUps.Add((new FollowUp
            {
                Issue = report.Note, OpenedAt = at, DueDate = DateOnly.FromDateTime(at.AddDays(7).UtcDateTime),
                Status = open ? FollowUpStatus.Open : FollowUpStatus.Closed,
                ClosedAt = open ? null : at.AddDays(f.Random.Int(1, 10)),
                ClosingNote = open ? null : "Sudah ditindaklanjuti bersama pemerintah desa.",
            }, report));
        }
        if (h.Status is HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah)
        {
            var at = now.AddDays(-f.Random.Double(5, 120));
            var type = h.Status == HouseholdStatus.GraduasiMandiri ? GraduationType.Mandiri : GraduationType.Alamiah;
            var reason = type == GraduationType.Mandiri ? "Usaha sudah stabil, mengundurkan diri secara sukarela." : "Tidak lagi memiliki komponen yang memenuhi syarat.";
            plan.Graduations.Add(new Graduation
            {
                Type = type, Reason = reason, GraduatedAt = at, RecordedAt = at, StatementPhotoFileId = DemoCandidates.StatementFileId(type, h.IdKpm, serial),
            });
            plan.Reports.Add(new ProgressReport { EventAt = at, ReceivedAt = at, Category = ReportCategory.Graduasi, Note = reason });
        }
        h.LastReportAt = plan.Reports.Count == 0 ? null : plan.Reports.Max(r => r.EventAt);
        return plan;
    }
}
