using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Reporting;

/// <summary>A pendamping's report-like text about someone not in their list is told so, never answered as a rule question.</summary>
public sealed class UnlistedHouseholdReportTests : IAsyncLifetime
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
        await _data.HouseholdAsync(_p2, "3522069999", "Sumirah Rahayu", "Ngunut", "Dander");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_report_about_a_person_not_in_the_list_gets_no_rule_answer_but_the_way_to_find_the_household()
    {
        var chat = await _data.PendampingChatAsync(9101, _p1);

        // Sumirah is another pendamping's KPM: not named as existing, not answered with the attendance rule.
        var r = await chat.SendAsync("Bu Sumirah anaknya putus sekolah");

        Assert.Contains("tidak ada di daftar dampingan Anda", r.Text);
        Assert.Contains("/cari", r.Text);
        Assert.DoesNotContain("Sumber:", r.Text);
        Assert.DoesNotContain("85%", r.Text);
        Assert.DoesNotContain("Rahayu", r.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task The_closest_names_in_the_pendamping_s_own_list_are_offered()
    {
        var chat = await _data.PendampingChatAsync(9102, _p1);

        var r = await chat.SendAsync("Bu Aminah kemarin dapat modal usaha 2 juta");

        Assert.Contains("tidak ada di daftar dampingan Anda", r.Text);
        Assert.Contains("Siti Aminah", r.Text);
        Assert.Contains("3522011234", r.Text);
        Assert.DoesNotContain("Simpan", string.Join(" ", chat.LastButtons.Select(b => b.Text)));
    }

    [Theory]
    [InlineData("ibu hamil wajib periksa berapa kali")]
    [InlineData("Bu Sumirah anaknya putus sekolah, PKH-nya gimana?")]
    [InlineData("bu pendamping kok ga pernah dateng")]
    public async Task Questions_and_texts_naming_no_person_still_go_to_the_knowledge_base(string text)
    {
        var chat = await _data.PendampingChatAsync(9103, _p1);
        var r = await chat.SendAsync(text);
        Assert.DoesNotContain("daftar dampingan", r.Text);
    }
}
