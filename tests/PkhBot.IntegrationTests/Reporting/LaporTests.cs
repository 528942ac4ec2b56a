using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reporting;

public sealed class LaporTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1, _p2;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        _p2 = await _data.PendampingAsync("P002", "Dander");
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah");
        await _data.HouseholdAsync(_p1, "3522011235", "Sri Wahyuni", "Sugihwaras");
        await _data.HouseholdAsync(_p2, "3522069999", "Sumarni Rahayu", "Ngunut", "Dander");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_one_line_report_is_saved_with_its_values_and_a_receipt()
    {
        var chat = await _data.PendampingChatAsync(7001, _p1);
        var r = await chat.SendAsync("/lapor 3522011234 usaha buka warung kopi kemarin, omzet 1,5jt/bln");

        var report = await _app.WithDbAsync(db => db.Reports.Include(x => x.Household).SingleAsync());
        Assert.Contains($"No. laporan: {report.Id}", r.Text);
        Assert.Contains("Rp 1.500.000/bulan", r.Text);
        Assert.Contains("16/11/2025", r.Text);
        Assert.Equal(ReportCategory.Usaha, report.Category);
        Assert.Equal(1_500_000, report.IncomeRupiah);
        Assert.Equal(new DateTimeOffset(2025, 11, 16, 12, 0, 0, TimeSpan.FromHours(7)), report.EventAt);
        Assert.Equal(_app.Clock.GetUtcNow(), report.ReceivedAt);
        Assert.Equal(report.EventAt, report.Household!.LastReportAt);
        Assert.True(await _app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "report.create" && a.EntityId == report.Id.ToString() && a.Actor == $"pendamping:{_p1}")));
    }

    [Fact]
    public async Task A_report_for_another_pendampings_household_is_refused_without_revealing_it()
    {
        var chat = await _data.PendampingChatAsync(7002, _p1);
        var r = await chat.SendAsync("/lapor 3522069999 kunjungan rumah kosong");
        var missing = await chat.SendAsync("/lapor 3522000000 kunjungan rumah kosong");

        // The same answer as for an ID that does not exist: whether the household exists is not told.
        Assert.Equal(missing.Text.Replace("3522000000", "ID"), r.Text.Replace("3522069999", "ID"));
        Assert.Contains("tidak ditemukan", r.Text);
        Assert.DoesNotContain("Sumarni", r.Text);
        Assert.DoesNotContain("Ngunut", r.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_id_is_answered_with_the_closest_ids_as_buttons_and_picking_one_saves()
    {
        var chat = await _data.PendampingChatAsync(7003, _p1);
        var r = await chat.SendAsync("/lapor 3522011243 kesehatan posyandu tgl 5");

        Assert.Contains("tidak ditemukan", r.Text);
        Assert.Contains(chat.LastButtons, b => b.Text.Contains("Siti Aminah"));
        Assert.DoesNotContain(chat.LastButtons, b => b.Text.Contains("Sumarni"));

        await chat.PressButtonAsync("Siti Aminah");
        var saved = await chat.PressButtonAsync("Simpan");
        Assert.Contains("No. laporan", saved.Text);
        var report = await _app.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.Equal(ReportCategory.Kesehatan, report.Category);
        Assert.Equal(new DateOnly(2025, 11, 5), DateOnly.FromDateTime(Wib.ToWib(report.EventAt).DateTime));
    }

    [Fact]
    public async Task A_guided_report_is_completed_with_buttons()
    {
        var chat = await _data.PendampingChatAsync(7004, _p1);
        var start = await chat.SendAsync("/lapor");
        Assert.Contains("KPM yang mana", start.Text);

        var pick = await chat.SendAsync("siti aminnah");
        Assert.Contains("Pilih", pick.Text);
        await chat.PressButtonAsync("Siti Aminah");
        await chat.PressButtonAsync("usaha");
        var again = await chat.SendAsync("warung makin ramai");
        Assert.Contains("Nominal belum terbaca", again.Text);
        await chat.SendAsync("warung makin ramai, omzet 2,5 juta sebulan");
        var photo = await chat.SendPhotoAsync(null);
        Assert.Contains("lokasi", photo.Text);
        await chat.SendLocationAsync(-7.15, 111.88);
        var summary = chat.LastButtons;
        Assert.Contains(summary, b => b.Text.Contains("Simpan"));
        var saved = await chat.PressButtonAsync("Simpan");

        Assert.Contains("No. laporan", saved.Text);
        var report = await _app.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.Equal(2_500_000, report.IncomeRupiah);
        Assert.NotNull(report.PhotoFileId);
        Assert.Equal(-7.15, report.Latitude);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Flows.CountAsync()));
    }

    [Fact]
    public async Task A_guided_report_can_be_cancelled_by_typing_batal()
    {
        var chat = await _data.PendampingChatAsync(7005, _p1);
        await chat.SendAsync("/lapor");
        await chat.SendAsync("3522011234");
        var r = await chat.SendAsync("batal");
        Assert.Contains("dibatalkan", r.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_forged_household_button_in_the_flow_is_refused()
    {
        var chat = await _data.PendampingChatAsync(7006, _p1);
        await chat.SendAsync("/lapor");
        var otherId = await _app.WithDbAsync(db => db.Households.Where(h => h.IdKpm == "3522069999").Select(h => h.Id).SingleAsync());
        var r = await chat.PressAsync($"lf:hh:{otherId}");
        Assert.Contains("tidak tersedia", r.Text);
        Assert.DoesNotContain("Sumarni", r.Text);
        var start = await chat.PressAsync($"lf:start:{otherId}");
        Assert.DoesNotContain("Sumarni", start.Text);
    }

    [Fact]
    public async Task A_report_is_withdrawn_within_24_hours_but_not_later_and_never_by_someone_else()
    {
        var chat = await _data.PendampingChatAsync(7007, _p1);
        await chat.SendAsync("/lapor 3522011234 kunjungan kemarin rumah rapi");
        await chat.SendAsync("/lapor 3522011234 kunjungan tadi pagi");
        var ids = await _app.WithDbAsync(db => db.Reports.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

        var other = await _data.PendampingChatAsync(7008, _p2);
        var refused = await other.SendAsync($"/batal {ids[1]}");
        Assert.Contains("tidak ditemukan", refused.Text);

        var ok = await chat.SendAsync($"/batal {ids[1]}");
        Assert.Contains("ditarik", ok.Text);
        var h = await _app.WithDbAsync(db => db.Households.SingleAsync(x => x.IdKpm == "3522011234"));
        Assert.Equal(new DateTimeOffset(2025, 11, 16, 12, 0, 0, TimeSpan.FromHours(7)), h.LastReportAt);
        Assert.True(await _app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "report.withdraw" && a.EntityId == ids[1].ToString())));

        _app.Clock.Advance(TimeSpan.FromHours(25));
        var late = await chat.SendAsync($"/batal {ids[0]}");
        Assert.Contains("sudah lewat", late.Text);
        Assert.False(await _app.WithDbAsync(db => db.Reports.Where(r => r.Id == ids[0]).Select(r => r.Withdrawn).SingleAsync()));
    }

    [Fact]
    public async Task A_kendala_opens_a_follow_up_due_as_written()
    {
        var chat = await _data.PendampingChatAsync(7009, _p1);
        var r = await chat.SendAsync("/lapor 3522011235 kendala KKS hilang, perlu diurus 7 hari");
        var f = await _app.WithDbAsync(db => db.FollowUps.SingleAsync());
        Assert.Equal(new DateOnly(2025, 11, 24), f.DueDate);
        Assert.Equal(FollowUpStatus.Open, f.Status);
        Assert.Contains($"Tindak lanjut No. {f.Id}", r.Text);
    }

    [Fact]
    public async Task Guided_pendidikan_and_kendala_reports_ask_for_their_own_fields()
    {
        var chat = await _data.PendampingChatAsync(7010, _p1);
        await chat.SendAsync("/lapor");
        await chat.PressButtonAsync("Siti Aminah");
        await chat.PressButtonAsync("pendidikan");
        var bad = await chat.SendAsync("rajin");
        Assert.Contains("Persentase belum terbaca", bad.Text);
        await chat.SendAsync("90");
        await chat.PressButtonAsync("Lewati");
        await chat.PressButtonAsync("Lewati");
        await chat.PressButtonAsync("Simpan");

        await chat.SendAsync("/lapor");
        await chat.SendAsync("sri wahyuni");
        await chat.PressButtonAsync("Sri Wahyuni");
        await chat.SendAsync("kendla");
        var due = await chat.SendAsync("anak tidak mau sekolah");
        Assert.Contains("Tenggat", due.Text);
        await chat.PressButtonAsync("30 hari");
        await chat.SendAsync("lewati");
        await chat.SendAsync("lewati");
        var saved = await chat.SendAsync("simpan");
        Assert.Contains("tenggat 17/12/2025", saved.Text);

        var reports = await _app.WithDbAsync(db => db.Reports.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(90, reports[0].AttendancePercent);
        Assert.Equal(ReportCategory.Kendala, reports[1].Category);
        Assert.Equal(new DateOnly(2025, 12, 17), await _app.WithDbAsync(db => db.FollowUps.Select(f => f.DueDate).SingleAsync()));
    }
}
