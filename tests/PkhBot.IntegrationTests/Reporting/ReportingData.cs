using Microsoft.EntityFrameworkCore;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reporting;

/// <summary>Seeds pendamping, households and coordinators straight through the DbContext, in real kecamatan/desa.</summary>
public sealed class ReportingData(TestApp app)
{
    private int _nik = 1000;

    public Task<int> PendampingAsync(string kode, string kecamatan = "Ngraho") => app.WithDbAsync(async db =>
    {
        var kec = await db.Kecamatan.SingleAsync(k => k.Nama == kecamatan);
        var p = new Pendamping { Kode = kode, Nama = "Pendamping " + kode, KecamatanId = kec.Id, CreatedAt = app.Clock.GetUtcNow() };
        db.Pendamping.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    public Task<Household> HouseholdAsync(int? pendampingId, string idKpm, string nama, string desa = "Luwihaji", string kecamatan = "Ngraho",
        Action<Household>? configure = null) => app.WithDbAsync(async db =>
    {
        var d = await db.Desa.Include(x => x.Kecamatan).SingleAsync(x => x.Nama == desa && x.Kecamatan!.Nama == kecamatan);
        var now = app.Clock.GetUtcNow();
        var h = new Household
        {
            IdKpm = idKpm,
            Nik = "352201" + (++_nik).ToString("0000000000"),
            NamaPengurus = nama,
            NamaSearch = NameSearch.Normalize(nama),
            DesaId = d.Id,
            KecamatanId = d.KecamatanId,
            PendampingId = pendampingId,
            Sd = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        configure?.Invoke(h);
        db.Households.Add(h);
        await db.SaveChangesAsync();
        return h;
    });

    public Task<int> CoordinatorAsync(bool wholeKabupaten, params string[] kecamatan) => app.WithDbAsync(async db =>
    {
        var c = new Coordinator { Nama = "Koordinator", WholeKabupaten = wholeKabupaten, CreatedAt = app.Clock.GetUtcNow() };
        foreach (var name in kecamatan)
        {
            var k = await db.Kecamatan.SingleAsync(x => x.Nama == name);
            c.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = k.Id });
        }
        db.Coordinators.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    public async Task<ChatDriver> PendampingChatAsync(long userId, int pendampingId)
        => await new ChatDriver(app, userId).AsAsync(Role.Pendamping, pendampingId);
}
