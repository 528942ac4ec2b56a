using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;

namespace PkhBot.IntegrationTests.Households;

/// <summary>The /kpm card shows the household's benefit estimate from its komponen counts, by the knowledge base's calculator.</summary>
public sealed class KpmEstimateTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah", configure: h => { h.AnakUsiaDini = 3; h.Sd = 1; h.Smp = 0; });
        await _data.HouseholdAsync(_p1, "3522011235", "Sri Wahyuni", configure: h => { h.Sd = 0; });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_card_shows_the_estimate_with_its_arithmetic_and_the_cap_applied()
    {
        var chat = await _data.PendampingChatAsync(8201, _p1);

        var card = await chat.SendAsync("/kpm 3522011234");

        // Three anak usia dini count as two (at most 2), plus one SD.
        Assert.Contains("Perkiraan bantuan: 2 × Rp750.000 + 1 × Rp225.000 = Rp1.725.000 per tahap (Rp6.900.000 per tahun)", card.Text);
    }

    [Fact]
    public async Task A_household_without_komponen_is_told_so()
    {
        var chat = await _data.PendampingChatAsync(8202, _p1);
        var card = await chat.SendAsync("/kpm 3522011235");
        Assert.Contains("tidak ada komponen yang dihitung", card.Text);
    }
}
