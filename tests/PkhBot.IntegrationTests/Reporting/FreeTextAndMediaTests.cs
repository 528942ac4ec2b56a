using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reporting;

public sealed class FreeTextAndMediaTests : IAsyncLifetime
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
    public async Task A_free_text_report_is_saved_only_after_the_confirm_button()
    {
        var chat = await _data.PendampingChatAsync(9001, _p1);
        var proposal = await chat.SendAsync("Bu Siti Aminah sudah buka warung, omzet sekitar 1,5 juta sebulan");
        Assert.Contains("Rp 1.500.000", proposal.Text);
        Assert.Contains("usaha", proposal.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));

        var saved = await chat.PressButtonAsync("Simpan");
        Assert.Contains("No. laporan", saved.Text);
        var report = await _app.WithDbAsync(db => db.Reports.Include(r => r.Household).SingleAsync());
        Assert.Equal("Siti Aminah", report.Household!.NamaPengurus);
        Assert.Equal(1_500_000, report.IncomeRupiah);
    }

    [Fact]
    public async Task A_free_text_report_is_not_saved_when_cancelled_and_its_category_can_be_changed()
    {
        var chat = await _data.PendampingChatAsync(9002, _p1);
        await chat.SendAsync("sri wahyuni anaknya hadir 70% bulan ini");
        var cancelled = await chat.PressButtonAsync("Batal");
        Assert.Contains("Tidak disimpan", cancelled.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));

        await chat.SendAsync("sri wahyuni anaknya hadir 70% bulan ini");
        await chat.PressButtonAsync("Ubah kategori");
        var changed = await chat.PressButtonAsync("kendala");
        Assert.Contains("Kategori: kendala", changed.Text);
        await chat.PressButtonAsync("Simpan");
        var report = await _app.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.Equal(ReportCategory.Kendala, report.Category);
        Assert.Equal(1, await _app.WithDbAsync(db => db.FollowUps.CountAsync()));
    }

    [Theory]
    [InlineData("berapa bantuan anak SMP?")]
    [InlineData("Bagaimana cara graduasi mandiri untuk Siti Aminah")]
    [InlineData("Sumarni Rahayu sudah buka warung omzet 2 juta")]
    [InlineData("hari ini hujan deras sekali")]
    public async Task Questions_and_texts_without_an_own_household_are_left_to_the_knowledge_base(string text)
    {
        var chat = await _data.PendampingChatAsync(9003, _p1);
        var r = await chat.SendAsync(text);
        Assert.DoesNotContain("Simpan", string.Join(" ", chat.LastButtons.Select(b => b.Text)));
        Assert.DoesNotContain("Sumarni", r.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_photo_with_a_report_caption_becomes_a_report_with_the_photo()
    {
        var chat = await _data.PendampingChatAsync(9004, _p1);
        var r = await chat.SendPhotoAsync("3522011234 usaha warung baru, omzet 800rb");
        Assert.Contains("No. laporan", r.Text);
        var report = await _app.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.NotNull(report.PhotoFileId);
        Assert.Equal(800_000, report.IncomeRupiah);
    }

    [Fact]
    public async Task A_photo_and_a_location_attach_to_the_last_visit_report_within_ten_minutes_only()
    {
        var chat = await _data.PendampingChatAsync(9005, _p1);
        await chat.SendAsync("/lapor 3522011235 kunjungan rumah rapi");
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var photo = await chat.SendPhotoAsync(null);
        Assert.Contains("Foto ditempelkan", photo.Text);
        var loc = await chat.SendLocationAsync(-7.2, 111.9);
        Assert.Contains("Lokasi dicatat", loc.Text);
        var report = await _app.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.NotNull(report.PhotoFileId);
        Assert.Equal(-7.2, report.Latitude);

        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        var late = await chat.SendLocationAsync(-7.3, 111.8);
        Assert.Contains("belum ada laporan kunjungan", late.Text);
        Assert.Equal(-7.2, await _app.WithDbAsync(db => db.Reports.Select(r => r.Latitude).SingleAsync()));
    }
}
