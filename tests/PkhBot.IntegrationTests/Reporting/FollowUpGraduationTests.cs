using Microsoft.EntityFrameworkCore;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reporting;

public sealed class FollowUpGraduationTests : IAsyncLifetime
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
        await _data.HouseholdAsync(_p1, "3522011236", "Tanpa Komponen", configure: h => h.Sd = 0);
        await _data.HouseholdAsync(_p2, "3522069999", "Sumarni Rahayu", "Ngunut", "Dander");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_kendala_follow_up_is_listed_overdue_first_and_closed_by_selesai()
    {
        var chat = await _data.PendampingChatAsync(9101, _p1);
        await chat.SendAsync("/lapor 3522011234 kendala KKS hilang, urus 7 hari");
        await chat.SendAsync("/lapor 3522011235 masalah anak jarang sekolah");
        _app.Clock.Advance(TimeSpan.FromDays(10));
        var list = await chat.SendAsync("/tindaklanjut");
        Assert.Contains("Tindak lanjut terbuka: 2", list.Text);
        Assert.Contains("terlambat 3 hari", list.Text);
        Assert.True(list.Text.IndexOf("KKS hilang", StringComparison.Ordinal) < list.Text.IndexOf("jarang sekolah", StringComparison.Ordinal));

        var id = await _app.WithDbAsync(db => db.FollowUps.OrderBy(f => f.DueDate).Select(f => f.Id).FirstAsync());
        var other = await _data.PendampingChatAsync(9102, _p2);
        var refused = await other.SendAsync($"/selesai {id} sudah beres");
        Assert.Contains("tidak ditemukan", refused.Text);

        var closed = await chat.SendAsync($"/selesai {id} KKS sudah diganti di bank");
        Assert.Contains("ditutup", closed.Text);
        var f = await _app.WithDbAsync(db => db.FollowUps.SingleAsync(x => x.Id == id));
        Assert.Equal(FollowUpStatus.Closed, f.Status);
        Assert.True(await _app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "followup.close" && a.EntityId == id.ToString())));
        Assert.Contains("Tindak lanjut terbuka: 1", (await chat.SendAsync("/tindaklanjut")).Text);
    }

    [Fact]
    public async Task A_P2K2_session_is_recorded_with_buttons()
    {
        var chat = await _data.PendampingChatAsync(9103, _p1);
        await chat.SendAsync("/p2k2");
        await chat.PressButtonAsync("Kemarin");
        await chat.PressButtonAsync("Keuangan");
        var done = await chat.PressButtonAsync("Semua");
        Assert.Contains("P2K2 tercatat", done.Text);
        var s = await _app.WithDbAsync(db => db.P2K2Sessions.Include(x => x.Attendance).SingleAsync());
        Assert.Equal(new DateOnly(2025, 11, 16), s.HeldOn);
        Assert.Equal("Pengelolaan Keuangan & Perencanaan Usaha", s.Module);
        Assert.Equal(3, s.AttendeeCount);
        Assert.Equal(3, s.Attendance.Count);

        await chat.SendAsync("/p2k2");
        await chat.SendAsync("12/11");
        await chat.SendAsync("3");
        var ids = await chat.SendAsync("3522011234, 3522069999");
        Assert.Contains("hadir 1 KPM", ids.Text);
        Assert.Contains("1 ID tidak dikenal", ids.Text);
    }

    [Fact]
    public async Task A_graduation_is_recorded_changes_the_status_and_is_refused_twice()
    {
        var chat = await _data.PendampingChatAsync(9104, _p1);
        var r = await chat.SendAsync("/graduasi 3522011234 mandiri usaha warung stabil, surat pernyataan ditandatangani");
        Assert.Contains("Graduasi mandiri tercatat", r.Text);
        var h = await _app.WithDbAsync(db => db.Households.SingleAsync(x => x.IdKpm == "3522011234"));
        Assert.Equal(HouseholdStatus.GraduasiMandiri, h.Status);
        Assert.True(await _app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "graduation.create")));

        var again = await chat.SendAsync("/graduasi 3522011234 alamiah tidak ada komponen");
        Assert.Contains("sudah tercatat", again.Text);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Graduations.CountAsync()));

        var foreign = await chat.SendAsync("/graduasi 3522069999 mandiri coba");
        var missing = await chat.SendAsync("/graduasi 3522000000 mandiri coba");
        // Out of scope reads exactly like a missing ID.
        Assert.Equal(missing.Text.Replace("3522000000", "ID"), foreign.Text.Replace("3522069999", "ID"));
    }

    [Fact]
    public async Task Kandidat_lists_households_by_the_rule_that_fired()
    {
        var chat = await _data.PendampingChatAsync(9105, _p1);
        // Income >= 2.5 jt in three of the last four months (September, October, November 2025).
        await chat.SendAsync("/lapor 3522011234 usaha omzet 3 jt/bln 15/09/2025");
        await chat.SendAsync("/lapor 3522011234 usaha omzet 2,8 juta 10/10/2025");
        await chat.SendAsync("/lapor 3522011234 usaha penghasilan Rp 2.600.000 kemarin");
        await chat.SendAsync("/lapor 3522011235 usaha warung sudah berjalan 8 bulan, omzet 900rb");

        var r = await chat.SendAsync("/kandidat");
        Assert.Contains("Kandidat graduasi: 3", r.Text);
        Assert.Contains("Siti Aminah", r.Text);
        Assert.Contains("3 dari 4 bulan", r.Text);
        Assert.Contains("usaha berjalan 8 bulan", r.Text);
        Assert.Contains("tidak ada komponen", r.Text);
        Assert.DoesNotContain("Sumarni", r.Text);
    }

    [Fact]
    public async Task Cekdata_shows_masked_duplicate_NIK_orphans_and_counts_per_kecamatan()
    {
        await _data.HouseholdAsync(_p1, "3522011240", "Dobel Satu", configure: h => h.Nik = "3522014101900007");
        await _data.HouseholdAsync(null, "3522011241", "Dobel Dua", configure: h => h.Nik = "3522014101900007");
        var coordinator = await _data.CoordinatorAsync(false, "Ngraho");
        var chat = await new ChatDriver(_app, 9106).AsAsync(Role.Koordinator, coordinatorId: coordinator);

        var r = await chat.SendAsync("/cekdata");
        Assert.Contains("KPM: 5", r.Text);
        Assert.Contains("NIK ganda: 1 kelompok", r.Text);
        Assert.Contains("************0007: 3522011240, 3522011241", r.Text);
        Assert.DoesNotContain("3522014101900007", r.Text);
        Assert.Contains("Tanpa pendamping: 1", r.Text);
        Assert.Contains("Ngraho: 5 / 5 / 1", r.Text);
        Assert.DoesNotContain("Dander", r.Text);

        var pendamping = await _data.PendampingChatAsync(9107, _p1);
        Assert.DoesNotContain("NIK ganda", (await pendamping.SendAsync("/cekdata")).Text);
    }
}
