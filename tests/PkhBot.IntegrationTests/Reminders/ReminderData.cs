using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reminders;

/// <summary>Small builder that seeds reminder scenarios straight through the DbContext.</summary>
public sealed class ReminderData(PkhDbContext db, DateTimeOffset now)
{
    private static int _next = 1000;
    private static int Next() => Interlocked.Increment(ref _next);

    /// <summary>The first N real kecamatan ids (seeded by migrate from the wilayah CSV).</summary>
    public async Task<int[]> KecamatanAsync(int count) => await db.Kecamatan.OrderBy(k => k.Id).Select(k => k.Id).Take(count).ToArrayAsync();

    public async Task<Pendamping> PendampingAsync(string nama, int kecamatanId, long? chatId = null, bool optedOut = false, bool unreachable = false)
    {
        var p = new Pendamping { Kode = $"P{Next()}", Nama = nama, KecamatanId = kecamatanId, CreatedAt = now };
        db.Pendamping.Add(p);
        await db.SaveChangesAsync();
        if (chatId is { } c) Identity(c, Role.Pendamping, p.Id, null, optedOut, unreachable);
        await db.SaveChangesAsync();
        return p;
    }

    public async Task<Coordinator> CoordinatorAsync(string nama, long chatId, bool wholeKabupaten, params int[] kecamatanIds)
    {
        var c = new Coordinator { Nama = nama, WholeKabupaten = wholeKabupaten, CreatedAt = now };
        c.Kecamatan.AddRange(kecamatanIds.Select(k => new CoordinatorKecamatan { KecamatanId = k }));
        db.Coordinators.Add(c);
        await db.SaveChangesAsync();
        Identity(chatId, Role.Koordinator, null, c.Id, false, false);
        await db.SaveChangesAsync();
        return c;
    }

    public async Task<Household> HouseholdAsync(string nama, int kecamatanId, int? pendampingId, DateTimeOffset? lastReportAt = null, int anakSd = 1)
    {
        var n = Next();
        var h = new Household
        {
            IdKpm = $"KPM{n}", Nik = $"3522{n:000000000000}", NamaPengurus = nama, KecamatanId = kecamatanId, PendampingId = pendampingId,
            Sd = anakSd, LastReportAt = lastReportAt, CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };
        db.Households.Add(h);
        await db.SaveChangesAsync();
        return h;
    }

    public async Task<FollowUp> FollowUpAsync(Household h, DateOnly due, string issue = "cek sekolah")
    {
        var f = new FollowUp { HouseholdId = h.Id, PendampingId = h.PendampingId!.Value, Issue = issue, DueDate = due, OpenedAt = now, Version = Guid.NewGuid() };
        db.FollowUps.Add(f);
        await db.SaveChangesAsync();
        return f;
    }

    public async Task ReportAsync(Household h, DateTimeOffset at, long? income = null, int? businessMonths = null, bool withdrawn = false)
    {
        db.Reports.Add(new ProgressReport
        {
            HouseholdId = h.Id, PendampingId = h.PendampingId!.Value, EventAt = at, ReceivedAt = at, Note = "kunjungan", IncomeRupiah = income, Withdrawn = withdrawn,
            Category = businessMonths is null ? ReportCategory.Kunjungan : ReportCategory.Usaha,
            ValuesJson = businessMonths is { } m ? $"{{\"businessMonths\":{m}}}" : null,
        });
        h.LastReportAt = at;
        await db.SaveChangesAsync();
    }

    public async Task P2k2Async(int pendampingId, DateOnly heldOn)
    {
        db.P2K2Sessions.Add(new P2K2Session { PendampingId = pendampingId, HeldOn = heldOn, Module = "Pengasuhan", RecordedAt = now });
        await db.SaveChangesAsync();
    }

    private void Identity(long chatId, Role role, int? pendampingId, int? coordinatorId, bool optedOut, bool unreachable)
        => db.Identities.Add(new ChatIdentity
        {
            UserId = chatId, ChatId = chatId, Role = role, PendampingId = pendampingId, CoordinatorId = coordinatorId, PhoneVerified = role == Role.Pendamping,
            OptedOut = optedOut, Unreachable = unreachable, CreatedAt = now, LastSeenAt = now,
        });
}
