using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reminders;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reminders;

/// <summary>
/// The reminders consume Reporting's rules instead of re-implementing them: on the same households the graduation
/// nudge and /kandidat name the same candidates, and the coordinator digest and /cekdata count the same data problems.
/// The seed holds the cases where the old twin rules differed (one good month, an usaha report, a withdrawn report,
/// a graduated household without pendamping).
/// </summary>
public sealed class RulesAgreementTests : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Dec1 = new(2025, 12, 1, 8, 30, 0, Wib);   // first working day: the nudge is due
    private TestApp _app = null!;
    private int _kecA, _pA, _pB;
    private readonly Dictionary<string, int> _ids = [];

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(now: Dec1);
        await _app.WithDbAsync(async db =>
        {
            var d = new ReminderData(db, Dec1);
            var kec = await d.KecamatanAsync(2);
            _kecA = kec[0];
            var desaA = await db.Desa.Where(x => x.KecamatanId == kec[0]).Select(x => x.Id).FirstAsync();
            var desaB = await db.Desa.Where(x => x.KecamatanId == kec[1]).Select(x => x.Id).FirstAsync();
            var pA = await d.PendampingAsync("Bu A", kec[0], chatId: 5001);
            var pB = await d.PendampingAsync("Bu B", kec[0], chatId: 5002);
            (_pA, _pB) = (pA.Id, pB.Id);
            await d.CoordinatorAsync("Koor A", 6001, false, kec[0]);

            async Task<Household> H(string nama, int? p, int kecId, int? desa, int sd = 1, HouseholdStatus status = HouseholdStatus.Aktif, string? nik = null)
            {
                var h = await d.HouseholdAsync(nama, kecId, p, anakSd: sd);
                (h.DesaId, h.Status) = (desa, status);
                if (nik is not null) h.Nik = nik;
                await db.SaveChangesAsync();
                _ids[nama] = h.Id;
                return h;
            }
            DateTimeOffset M(int year, int month, int day = 15) => new(year, month, day, 10, 0, 0, Wib);

            await H("Alamiah", pA.Id, kec[0], desaA, sd: 0);
            var tiga = await H("Tiga Bulan", pA.Id, kec[0], desaA);
            foreach (var m in new[] { 9, 10, 11 }) await d.ReportAsync(tiga, M(2025, m), income: 3_000_000);
            var dua = await H("Dua Bulan", pA.Id, kec[0], desaA);
            foreach (var m in new[] { 10, 11 }) await d.ReportAsync(dua, M(2025, m), income: 3_000_000);
            var sekali = await H("Sekali Besar", pA.Id, kec[0], desaA);   // the old nudge's "any income in 90 days"
            await d.ReportAsync(sekali, M(2025, 11), income: 10_000_000);
            var sebulan = await H("Dua Laporan Sebulan", pA.Id, kec[0], desaA);   // months are distinct months
            await d.ReportAsync(sebulan, M(2025, 11, 3), income: 3_000_000);
            await d.ReportAsync(sebulan, M(2025, 11, 25), income: 3_000_000);
            await d.ReportAsync(sebulan, M(2025, 10), income: 3_000_000);
            var ditarik = await H("Ditarik", pA.Id, kec[0], desaA);
            await d.ReportAsync(ditarik, M(2025, 9), income: 3_000_000);
            await d.ReportAsync(ditarik, M(2025, 10), income: 3_000_000, withdrawn: true);
            await d.ReportAsync(ditarik, M(2025, 11), income: 3_000_000);
            var lama = await H("Dulu Kaya", pA.Id, kec[0], desaA);   // before the 4-month window
            foreach (var m in new[] { 6, 7, 8 }) await d.ReportAsync(lama, M(2025, m), income: 3_000_000);
            await d.ReportAsync(await H("Usaha Delapan", pA.Id, kec[0], desaA), M(2025, 11), businessMonths: 8);
            await d.ReportAsync(await H("Usaha Tiga", pA.Id, kec[0], desaA), M(2025, 11), businessMonths: 3);
            await H("Sudah Lulus", pA.Id, kec[0], desaA, sd: 0, status: HouseholdStatus.GraduasiMandiri);
            await H("Biasa", pA.Id, kec[0], null, nik: "352201123456789");   // no desa, 15-digit NIK

            await H("Alamiah B", pB.Id, kec[0], desaA, sd: 0);
            var tigaB = await H("Tiga Bulan B", pB.Id, kec[0], desaA);
            foreach (var m in new[] { 10, 11, 12 }) await d.ReportAsync(tigaB, M(2025, m, 1), income: 2_500_000);
            var batas = await H("Batas Bulan WIB", pB.Id, kec[0], desaA);   // 31 Oct 23:30 and 1 Nov 00:30 WIB: both 31 Oct in UTC
            await d.ReportAsync(batas, M(2025, 9), income: 3_000_000);
            await d.ReportAsync(batas, new DateTimeOffset(2025, 10, 31, 23, 30, 0, Wib), income: 3_000_000);
            await d.ReportAsync(batas, new DateTimeOffset(2025, 11, 1, 0, 30, 0, Wib), income: 3_000_000);

            await H("Tanpa Pendamping", null, kec[0], desaA);
            await H("Lulus Tanpa Pendamping", null, kec[0], null, status: HouseholdStatus.GraduasiAlamiah);
            await H("Kecamatan Lain", null, kec[1], desaB, nik: "1234");
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static int Number(string text, string pattern)
    {
        var m = Regex.Match(text, pattern);
        Assert.True(m.Success, $"'{pattern}' not found in: {text}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_graduation_nudge_counts_exactly_the_households_kandidat_lists_for_each_pendamping()
    {
        var (perPendamping, nudged) = await InScope(async sp =>
        {
            var query = sp.GetRequiredService<GraduationCandidateQuery>();
            var set = await query.ApplyAsync(Dec1, CancellationToken.None);
            var counts = await GraduationCandidateQuery.CountPerPendampingAsync(set, CancellationToken.None);
            var ids = await set.Candidates.Select(h => new { h.Id, h.PendampingId }).ToListAsync();
            return (counts, ids.GroupBy(h => h.PendampingId!.Value).ToDictionary(g => g.Key, g => g.Select(h => h.Id).Order().ToList()));
        });

        foreach (var p in new[] { _pA, _pB })
        {
            var kandidat = await InScope(async sp =>
            {
                var db = sp.GetRequiredService<PkhBot.Data.PkhDbContext>();
                var list = await sp.GetRequiredService<GraduationCandidates>().FindAsync(db, db.Households.Where(h => h.PendampingId == p), Dec1, CancellationToken.None);
                return list.Select(c => c.HouseholdId).Order().ToList();
            });
            Assert.Equal(kandidat, nudged[p]);
            Assert.Equal(kandidat.Count, perPendamping[p]);
        }
        Assert.Equal(new[] { "Alamiah", "Tiga Bulan", "Usaha Delapan" }.Select(n => _ids[n]).Order(), nudged[_pA]);
        Assert.Equal(new[] { "Alamiah B", "Tiga Bulan B", "Batas Bulan WIB" }.Select(n => _ids[n]).Order(), nudged[_pB]);

        // And as the pendamping reads them: the nudge's number is /kandidat's number.
        var run = await _app.Services.GetRequiredService<ReminderRunner>().RunAsync(JobNames.GraduationCandidates, Dec1, CancellationToken.None);
        Assert.Equal(2, run.Queued);
        var nudge = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 5001).Select(m => m.Text).SingleAsync());
        var reply = (await new ChatDriver(_app, 5001).SendAsync("/kandidat")).Text;
        Assert.Equal(Number(reply, @"Kandidat graduasi: (\d+)"), Number(nudge, @"^<b>(\d+) KPM calon graduasi</b>"));
        Assert.Equal(3, Number(nudge, @"^<b>(\d+) KPM calon graduasi</b>"));
    }

    [Fact]
    public async Task The_coordinator_digest_counts_the_data_problems_cekdata_counts()
    {
        var (digest, report) = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<PkhBot.Data.PkhDbContext>();
            var stats = await sp.GetRequiredService<DigestBuilder>().StatsAsync(Dec1, [_kecA], CancellationToken.None);
            var quality = await sp.GetRequiredService<DataQualityReport>().BuildAsync(db, db.Households.Where(h => h.KecamatanId == _kecA), CancellationToken.None);
            return (stats.Values.ToList(), quality);
        });

        Assert.Equal(report.Active, digest.Sum(k => k.Households));
        Assert.Equal(report.WithoutPendamping, digest.Sum(k => k.NoPendamping));
        Assert.Equal(report.WithoutDesa, digest.Sum(k => k.NoDesa));
        Assert.Equal(report.NikNot16Digits, digest.Sum(k => k.BadNik));
        Assert.Equal((2, 2, 1), (report.WithoutPendamping, report.WithoutDesa, report.NikNot16Digits));

        // And as the koordinator reads them: /rekap and /cekdata give the same number of KPM without pendamping.
        var koordinator = new ChatDriver(_app, 6001);
        var rekap = (await koordinator.SendAsync("/rekap")).Text;
        var cekdata = (await koordinator.SendAsync("/cekdata")).Text;
        Assert.Equal(Number(cekdata, @"Tanpa pendamping: (\d+)"), Number(rekap, @"(\d+) KPM tanpa pendamping"));
        Assert.Equal(report.WithoutDesa, Number(rekap, @"(\d+) tanpa desa"));
        Assert.Equal(report.NikNot16Digits, Number(rekap, @"(\d+) NIK tidak 16 digit"));
        Assert.Equal(report.WithoutDesa, Number(cekdata, @"Tanpa desa: (\d+)"));
        Assert.Equal(report.NikNot16Digits, Number(cekdata, @"NIK tidak 16 digit: (\d+)"));
    }
}
