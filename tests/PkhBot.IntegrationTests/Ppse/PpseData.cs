using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Referrals;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Ppse;

/// <summary>
/// One household at each PPSE stage in Ngraho (pendamping P1), relative to <c>now</c>, plus one active household in
/// Dander (pendamping P2) with a business: what every PPSE test starts from.
/// </summary>
public static class PpseData
{
    public sealed record Seeded(int P1, int P2, int GraduatedHousehold);

    public static async Task<Seeded> SeedAsync(PkhDbContext db, DateTimeOffset now)
    {
        var ngraho = await db.Desa.Include(d => d.Kecamatan).FirstAsync(d => d.Nama == "Luwihaji" && d.Kecamatan!.Nama == "Ngraho");
        var dander = await db.Desa.Include(d => d.Kecamatan).FirstAsync(d => d.Nama == "Ngunut" && d.Kecamatan!.Nama == "Dander");
        var p1 = new Pendamping { Kode = "PP1", Nama = "Bu Rina", KecamatanId = ngraho.KecamatanId, CreatedAt = now };
        var p2 = new Pendamping { Kode = "PP2", Nama = "Pak Dodi", KecamatanId = dander.KecamatanId, CreatedAt = now };
        db.Pendamping.AddRange(p1, p2);
        await db.SaveChangesAsync();
        var n = 0;
        Household Add(Desa desa, Pendamping p, HouseholdStatus status = HouseholdStatus.Aktif)
        {
            n++;
            var h = new Household
            {
                IdKpm = $"PPSE{n:000}", Nik = $"35220100000{n:00000}", NamaPengurus = $"Ibu Tahap {n}", NamaSearch = $"ibu tahap {n}",
                DesaId = desa.Id, KecamatanId = desa.KecamatanId, PendampingId = p.Id, Sd = 1, Status = status, CreatedAt = now, UpdatedAt = now,
            };
            db.Households.Add(h);
            return h;
        }
        var none = Add(ngraho, p1);
        var business = Add(ngraho, p1);
        var referred = Add(ngraho, p1);
        var income = Add(ngraho, p1);
        var candidate = Add(ngraho, p1);
        var graduated = Add(ngraho, p1, HouseholdStatus.GraduasiMandiri);
        var elsewhere = Add(dander, p2);
        await db.SaveChangesAsync();

        ProgressReport Report(Household h, Pendamping p, DateTimeOffset at, long? income = null, ReportCategory category = ReportCategory.Usaha) => new()
        {
            HouseholdId = h.Id, PendampingId = p.Id, EventAt = at, ReceivedAt = at, Category = category, Note = "usaha warung", IncomeRupiah = income,
        };
        db.Reports.Add(Report(business, p1, now.AddDays(-5)));
        db.Reports.Add(Report(referred, p1, now.AddDays(-5)));
        db.Reports.Add(Report(income, p1, now.AddDays(-2), 3_000_000));
        // Income above the threshold in three different calendar months: a graduation candidate.
        var monthStart = Wib.StartOfDay(new DateOnly(Wib.ToWib(now).Year, Wib.ToWib(now).Month, 1));
        foreach (var back in new[] { 0, 1, 2 })
            db.Reports.Add(Report(candidate, p1, back == 0 ? now.AddMinutes(-5) : monthStart.AddMonths(-back).AddDays(3), 3_000_000));
        db.Reports.Add(Report(elsewhere, p2, now.AddDays(-5)));
        db.Referrals.Add(new Referral { HouseholdId = referred.Id, PendampingId = p1.Id, MitraCode = "DINKOP", Note = "butuh modal", CreatedAt = now.AddDays(-1), Version = Guid.NewGuid() });
        db.Graduations.Add(new Graduation { HouseholdId = graduated.Id, PendampingId = p1.Id, Type = GraduationType.Mandiri, Reason = "usaha lancar", GraduatedAt = now.AddMinutes(-1), RecordedAt = now });
        await db.SaveChangesAsync();
        _ = none;
        return new Seeded(p1.Id, p2.Id, graduated.Id);
    }
}
