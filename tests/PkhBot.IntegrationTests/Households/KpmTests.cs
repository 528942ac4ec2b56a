using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Households;

public sealed class KpmTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1, _p2, _otherHousehold;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        _p2 = await _data.PendampingAsync("P002", "Dander");
        for (var i = 0; i < 23; i++)
            await _data.HouseholdAsync(_p1, $"35220110{i:00}", $"Warga {(char)('A' + i)} Lestari", i % 2 == 0 ? "Luwihaji" : "Sugihwaras",
                configure: h => h.Lansia = i < 3 ? 1 : 0);
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah", configure: h => h.Nik = "3522015508870001");
        await _data.HouseholdAsync(_p1, "3522011299", "Siti Aminah Wati");
        await _data.HouseholdAsync(_p1, "3522011300", "Siti <Rahayu> & _*[]");
        _otherHousehold = (await _data.HouseholdAsync(_p2, "3522069999", "Sumarni Aminah", "Ngunut", "Dander")).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Kpm_lists_own_households_ten_per_page_and_pages_by_editing_the_message()
    {
        var chat = await _data.PendampingChatAsync(8001, _p1);
        var first = await chat.SendAsync("/kpm");
        Assert.Contains("KPM: 26", first.Text);
        Assert.Contains("hal. 1/3", first.Text);
        Assert.DoesNotContain("Sumarni", first.Text);
        Assert.Equal(10, chat.LastButtons.Count(b => b.Data!.StartsWith("kpm:c:")));

        var second = await chat.PressButtonAsync("Berikutnya");
        Assert.Contains("hal. 2/3", second.Text);
        Assert.NotNull(second.Messages.Single().EditMessageId);
        Assert.Contains(chat.LastButtons, b => b.Text.Contains("Sebelumnya"));
        var third = await chat.PressButtonAsync("Berikutnya");
        Assert.Contains("hal. 3/3", third.Text);
        Assert.DoesNotContain(chat.LastButtons, b => b.Text.Contains("Berikutnya"));
    }

    [Fact]
    public async Task Kpm_filters_by_komponen_desa_and_not_visited()
    {
        var chat = await _data.PendampingChatAsync(8002, _p1);
        var lansia = await chat.SendAsync("/kpm lansia");
        Assert.Contains("KPM: 3", lansia.Text);
        var desa = await chat.SendAsync("/kpm desa sugihwaras");
        Assert.Contains("KPM: 11", desa.Text);
        await chat.SendAsync("/lapor 3522011234 kunjungan rumah rapi");
        var notVisited = await chat.SendAsync("/kpm belum");
        Assert.Contains("KPM: 25", notVisited.Text);
    }

    [Fact]
    public async Task The_household_card_masks_the_NIK_and_shows_reports_and_follow_ups()
    {
        var chat = await _data.PendampingChatAsync(8003, _p1);
        await chat.SendAsync("/lapor 3522011234 kendala KKS hilang");
        var card = await chat.SendAsync("/kpm 3522011234");
        Assert.Contains("Siti Aminah", card.Text);
        Assert.Contains("************0001", card.Text);
        Assert.DoesNotContain("3522015508870001", card.Text);
        Assert.Contains("KKS hilang", card.Text);
        Assert.Contains("Tindak lanjut terbuka", card.Text);
        Assert.Contains(chat.LastButtons, b => b.Text.Contains("Lapor"));
    }

    [Fact]
    public async Task Names_with_markup_characters_do_not_break_the_message()
    {
        var chat = await _data.PendampingChatAsync(8004, _p1);
        var r = await chat.SendAsync("/cari rahayu");
        Assert.Contains("Siti <Rahayu> & _*[]", r.Text);
        Assert.Contains("&lt;Rahayu&gt; &amp;", r.Messages.Single().Text);
    }

    [Fact]
    public async Task A_forged_card_button_for_another_pendampings_household_is_refused()
    {
        var chat = await _data.PendampingChatAsync(8005, _p1);
        var r = await chat.PressAsync($"kpm:c:{_otherHousehold}");
        Assert.Contains("tidak tersedia", r.Text);
        Assert.DoesNotContain("Sumarni", r.Text);
        var kpm = await new ChatDriver(_app, 8006).AsAsync(Role.Kpm);
        var r2 = await kpm.PressAsync($"kpm:c:{_otherHousehold}");
        Assert.DoesNotContain("Sumarni", r2.Text);
        var forgedFilter = await chat.PressAsync("kpm:l:0:zzz' OR 1=1");
        Assert.Contains("KPM: 26", forgedFilter.Text);
    }

    [Theory]
    [InlineData("siti aminah")]
    [InlineData("Siti Aminah")]
    [InlineData("aminah")]
    [InlineData("siti aminnah")]
    [InlineData("SITI-AMINAH!")]
    [InlineData("3522011234")]
    public async Task Cari_is_tolerant_of_case_spacing_punctuation_and_typos(string query)
    {
        var chat = await _data.PendampingChatAsync(8007, _p1);
        var r = await chat.SendAsync("/cari " + query);
        Assert.Contains("Siti Aminah · 3522011234", r.Text);
        Assert.DoesNotContain("Sumarni", r.Text);
    }

    [Fact]
    public async Task A_koordinator_sees_its_kecamatan_only()
    {
        var coordinator = await _data.CoordinatorAsync(false, "Dander");
        var chat = await new ChatDriver(_app, 8008).AsAsync(Role.Koordinator, coordinatorId: coordinator);
        var r = await chat.SendAsync("/cari aminah");
        Assert.Contains("Sumarni Aminah", r.Text);
        Assert.DoesNotContain("Siti Aminah", r.Text);
        var list = await chat.SendAsync("/kpm");
        Assert.Contains("KPM: 1", list.Text);
    }

    [Fact]
    public async Task A_kpm_user_cannot_list_households()
    {
        var chat = await new ChatDriver(_app, 8009).AsAsync(Role.Kpm);
        var r = await chat.SendAsync("/kpm");
        Assert.DoesNotContain("Siti", r.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }
}
