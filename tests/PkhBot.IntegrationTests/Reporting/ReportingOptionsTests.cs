using Microsoft.Extensions.Options;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reporting;

public sealed class ReportingOptionsTests
{
    [Fact]
    public async Task An_invalid_reporting_setting_stops_the_host_naming_the_setting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Reporting:FollowUpDays"] = "0" }));
        Assert.Contains("Reporting:FollowUpDays", ex.Message);
    }

    [Fact]
    public async Task Cekdata_flags_pendamping_over_the_configured_caseload_and_kandidat_uses_the_configured_threshold()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Reporting:UsualCaseload"] = "2",
            ["Reporting:Graduation:IncomeThresholdRupiah"] = "1000000",
            ["Reporting:Graduation:MonthsRequired"] = "1",
        });
        var data = new ReportingData(app);
        var p1 = await data.PendampingAsync("P001");
        for (var i = 0; i < 3; i++) await data.HouseholdAsync(p1, $"352201100{i}", $"Warga {i}");
        var admin = await new ChatDriver(app, 9301).AsAsync(Role.Admin);
        var r = await admin.SendAsync("/cekdata");
        Assert.Contains("Pendamping > 2 KPM: 1", r.Text);
        Assert.Contains("Pendamping P001: 3", r.Text);

        var chat = await data.PendampingChatAsync(9302, p1);
        await chat.SendAsync("/lapor 3522011000 usaha omzet 1,2 jt");
        var k = await chat.SendAsync("/kandidat");
        Assert.Contains("Rp 1.000.000/bulan di 1 dari 4 bulan", k.Text);
    }
}
