using Microsoft.EntityFrameworkCore;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Reporting;

/// <summary>Malformed arguments and forged buttons get a helpful answer, never the generic error, and save nothing.</summary>
public sealed class OddInputTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] Inputs =
    [
        "/lapor", "/lapor 3522011234", "/lapor 3522011234 zzzz", "/lapor '; DROP TABLE Reports;-- usaha x", "/lapor 99999999999999999999999 usaha omzet 1jt",
        "/lapor 3522011234 usaha " + new string('x', 4000), "/lapor <b>3522011234</b> usaha", "/kpm 99999999999999999999", "/kpm 🤖🤖", "/kpm desa ",
        "/cari", "/cari %", "/cari _", "/cari ﷽ مرحبا", "/batal abc", "/batal 99999999999", "/batal -1", "/selesai", "/selesai 99999999999 x", "/selesai abc",
        "/graduasi", "/graduasi 3522011234", "/graduasi 3522011234 paksa alasan", "/p2k2 extra args",
        "press:kpm:l:2147483647:", "press:kpm:l:-5:v", "press:kpm:c:abc", "press:kpm:", "press:lf:hh:99999", "press:lf:save", "press:lf:cat:usaha",
        "press:ft:ok", "press:ft:set:zzz", "press:p2:m:9", "press:p2:a:all", "press:kpm:l:0:d99999",
    ];

    [Fact]
    public async Task Odd_input_gets_a_useful_reply_and_saves_nothing_unintended()
    {
        var chat = await _data.PendampingChatAsync(9501, _p1);
        foreach (var input in Inputs)
        {
            var before = await _app.WithDbAsync(db => db.Reports.CountAsync());
            var r = input.StartsWith("press:", StringComparison.Ordinal) ? await chat.PressAsync(input[6..]) : await chat.SendAsync(input);
            Assert.True(r.Messages.Count > 0, input);
            Assert.False(r.Text.Contains("terjadi gangguan", StringComparison.Ordinal), input);
            Assert.All(r.Messages, m => Assert.True(m.Text.Length <= 4096, input));
            var expected = input.StartsWith("/lapor 3522011234 usaha xxx", StringComparison.Ordinal) ? before + 1 : before;
            Assert.True(expected == await _app.WithDbAsync(db => db.Reports.CountAsync()), input);
            await chat.SendAsync("/batal");
        }
    }
}
