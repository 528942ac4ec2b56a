using MiniExcelLibs;
using PkhBot.Channels.Outbox;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reminders;

public sealed class RekapEksporTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private int _coordinatorA;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.WithDbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            var d = new ReminderData(db, now);
            var kec = await d.KecamatanAsync(2);
            var p = await d.PendampingAsync("Bu Rekap", kec[0]);
            var q = await d.PendampingAsync("Bu Lain", kec[1]);
            var h1 = await d.HouseholdAsync("=HYPERLINK(\"x\") <b>", kec[0], p.Id);
            await d.ReportAsync(h1, now.AddDays(-2));
            await d.FollowUpAsync(h1, new DateOnly(2025, 11, 1), "-cek +KIS");
            var lulus = await d.HouseholdAsync("Sudah Lulus", kec[0], p.Id);
            lulus.Status = PkhBot.Households.HouseholdStatus.GraduasiMandiri;
            db.Graduations.Add(new PkhBot.Reporting.Graduation { HouseholdId = lulus.Id, PendampingId = p.Id, Reason = "usaha", GraduatedAt = now.AddDays(-3), RecordedAt = now });
            db.Graduations.Add(new PkhBot.Reporting.Graduation { HouseholdId = lulus.Id, PendampingId = p.Id, Reason = "lama", GraduatedAt = now.AddYears(-1).AddDays(-5), RecordedAt = now });
            await db.SaveChangesAsync();
            await d.HouseholdAsync("Belum Dikunjungi", kec[0], p.Id);
            await d.HouseholdAsync("Di Kecamatan Lain", kec[1], q.Id);
            _coordinatorA = (await d.CoordinatorAsync("Koor A", 4001, false, kec[0])).Id;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rekap_gives_the_coordinator_the_numbers_of_their_own_scope_with_a_chart()
    {
        var koor = await new ChatDriver(_app, 4001).AsAsync(Role.Koordinator, coordinatorId: _coordinatorA);

        var r = await koor.SendAsync("/rekap");

        // The numbers, then a bar per pendamping of its one kecamatan, then the 12-week trend.
        Assert.Equal(3, r.Messages.Count);
        Assert.Equal(AttachmentKind.None, r.Messages[0].AttachmentKind);
        Assert.Contains("1 laporan 7 hari terakhir", r.Text);
        Assert.Contains("50% KPM dikunjungi 30 hari (1 dari 2)", r.Text);
        Assert.Contains("1 tindak lanjut terbuka, 1 terlambat", r.Text);
        Assert.Contains("1 graduasi bulan ini, 1 tahun ini (tahun lalu s.d. tanggal ini: 1)", r.Text);
        Assert.Contains("Per pendamping", r.Messages[1].Text);
        Assert.Contains("12 minggu", r.Messages[2].Text);
        foreach (var chart in r.Messages.Skip(1))
        {
            Assert.Equal(AttachmentKind.Photo, chart.AttachmentKind);
            Assert.True(chart.Attachment![..4].SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        }
    }

    [Fact]
    public async Task The_breakdown_counts_each_pendamping_and_each_week_of_the_scope()
    {
        await using var services = _app.Services.CreateAsyncScope();
        var breakdown = services.ServiceProvider.GetRequiredService<PkhBot.Reminders.AreaBreakdown>();
        var db = services.ServiceProvider.GetRequiredService<PkhBot.Data.PkhDbContext>();
        var now = _app.Clock.GetUtcNow();
        var kecamatanId = db.Coordinators.Where(c => c.Id == _coordinatorA).SelectMany(c => c.Kecamatan).Select(k => k.KecamatanId).First();
        var households = db.Households.Where(h => h.KecamatanId == kecamatanId);
        var scope = (bars: await breakdown.PerPendampingAsync(households, now, CancellationToken.None),
            weeks: await breakdown.TrendAsync(households, now, CancellationToken.None));

        var bar = Assert.Single(scope.bars);
        Assert.Equal(("Bu Rekap", 2, 1, 1), (bar.Name, bar.Households, bar.Visited30d, bar.OpenFollowUps));
        Assert.Equal(12, scope.weeks.Count);
        Assert.Equal(1, scope.weeks.Sum(w => w.Reports));
        Assert.Equal(1, scope.weeks.Sum(w => w.Graduations));   // last year's graduation is outside the 12 weeks
    }

    [Fact]
    public async Task Rekap_is_refused_to_a_pendamping()
    {
        var pendamping = await new ChatDriver(_app, 4002).AsAsync(Role.Pendamping, pendampingId: 1);
        var r = await pendamping.SendAsync("/rekap");
        Assert.Contains("hanya untuk", r.Text);
        Assert.All(r.Messages, m => Assert.Equal(AttachmentKind.None, m.AttachmentKind));
    }

    [Fact]
    public async Task Ekspor_sends_an_xlsx_of_the_scope_with_masked_NIK_and_neutralised_formulas()
    {
        var koor = await new ChatDriver(_app, 4001).AsAsync(Role.Koordinator, coordinatorId: _coordinatorA);

        var r = await koor.SendAsync("/ekspor");

        var m = Assert.Single(r.Messages);
        Assert.Equal(AttachmentKind.Document, m.AttachmentKind);
        Assert.EndsWith(".xlsx", m.AttachmentName);
        Assert.StartsWith("3 KPM", r.Text);
        var rows = MiniExcel.Query(new MemoryStream(m.Attachment!), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        // The same columns as `export` (the roster's, re-importable), one exporter and one formula guard for both.
        Assert.DoesNotContain(rows, x => (string)x["nama_pengurus"] == "Di Kecamatan Lain");
        var risky = rows.Single(x => ((string)x["nama_pengurus"]).Contains("HYPERLINK"));
        Assert.StartsWith("'=", (string)risky["nama_pengurus"]);
        Assert.Matches(@"^\*{12}\d{4}$", (string)risky["nik"]);
        Assert.Equal(1, Convert.ToInt32(risky["tindak_lanjut_terbuka"]));
    }
}
