using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;
using PkhBot.Reminders;

namespace PkhBot.IntegrationTests.Ppse;

public sealed class PpseTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        await _app.WithDbAsync(db => PpseData.SeedAsync(db, _app.Clock.GetUtcNow()));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_kecamatan_coordinator_sees_one_household_at_each_stage_its_target_and_the_referrals_per_mitra()
    {
        var chat = await new ChatDriver(_app, 9901).AsAsync(Role.Koordinator, coordinatorId: await _data.CoordinatorAsync(false, "Ngraho"));

        var r = await chat.SendAsync("/ppse");

        var text = r.Text;
        foreach (var stage in new[] { "Belum ada usaha: 1", "Usaha berjalan: 1", "Dirujuk ke mitra: 1", "Penghasilan cukup: 1", "Kandidat graduasi: 1", "Graduasi mandiri (semua tahun): 1" })
            Assert.Contains(stage, text);
        Assert.Contains("mandiri 1 dari target 10 (10%)", text);   // one pendamping in Ngraho x 10
        Assert.Contains("Dinas Koperasi dan Usaha Mikro: 1 / 0 / 0 / 0", text);
        Assert.DoesNotContain("Pak Dodi", text);
        Assert.Equal(Channels.Outbox.AttachmentKind.Photo, r.Messages[^1].AttachmentKind);
        Assert.True(r.Messages[^1].Attachment!.Length > 1000);
    }

    [Fact]
    public async Task An_admin_sees_the_kabupaten_per_kecamatan_and_a_pendamping_may_not_ask()
    {
        var admin = await new ChatDriver(_app, 9902).AsAsync(Role.Admin);

        var text = (await admin.SendAsync("/ppse")).Text;

        Assert.Contains("Kabupaten Bojonegoro", text);
        Assert.Contains("Usaha berjalan: 2", text);
        Assert.Contains("Per kecamatan", text);
        Assert.Contains("Ngraho: 1 / 10, 1", text);
        Assert.Contains("Dander: 0 / 10, 0", text);
        var pendamping = await _data.PendampingChatAsync(9903, await _app.WithDbAsync(db => db.Pendamping.Where(p => p.Kode == "PP1").Select(p => p.Id).SingleAsync()));
        Assert.Contains("hanya untuk", (await pendamping.SendAsync("/ppse")).Text);
    }

    [Theory]
    [InlineData(null, "Kec. Ngraho", "Belum ada usaha: 1")]
    [InlineData("Sugihwaras", "Desa Sugihwaras", "Belum ada usaha: 0")]
    public async Task A_camat_or_kepala_desa_joins_by_invite_and_sees_the_figures_of_its_area_and_no_names(string? desa, string scope, string stageLine)
    {
        string[] args = desa is null
            ? ["invite", "create", "--role", "pemantau", "--kecamatan", "ngraho", "--json"]
            : ["invite", "create", "--role", "pemantau", "--kecamatan", "Ngraho", "--desa", desa, "--json"];
        var created = await CliRunner.RunAsync(_app, args);
        Assert.True(created.ExitCode == 0, created.ToString());
        var code = System.Text.Json.JsonDocument.Parse(created.Out).RootElement.GetProperty("code").GetString();
        var chat = new ChatDriver(_app, 9910);
        Assert.Contains("pemantau", (await chat.SendAsync($"/start {code}")).Text);

        // An overdue follow-up in the area: a coordinator's /rekap offers the list behind a button, a pemantau's not.
        await _app.WithDbAsync(async db =>
        {
            var h = await db.Households.FirstAsync(x => x.IdKpm == "PPSE001");
            db.FollowUps.Add(new PkhBot.Reporting.FollowUp
            {
                HouseholdId = h.Id, PendampingId = h.PendampingId!.Value, Issue = "KKS hilang", Status = PkhBot.Reporting.FollowUpStatus.Open,
                DueDate = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(-5), OpenedAt = _app.Clock.GetUtcNow().AddDays(-12),
            });
            await db.SaveChangesAsync();
        });
        var ppse = (await chat.SendAsync("/ppse")).Text;
        var rekapReplies = await chat.SendAsync("/rekap");
        var rekap = rekapReplies.Text;
        Assert.Contains("terlambat", rekap);
        Assert.All(rekapReplies.Messages, m => Assert.Null(m.KeyboardJson));

        Assert.Contains(scope, ppse);
        Assert.Contains(stageLine, ppse);
        Assert.Contains(scope, rekap);
        foreach (var text in new[] { ppse, rekap })
        {
            Assert.DoesNotContain("Ibu Tahap", text);
            Assert.DoesNotContain("Bu Rina", text);
            Assert.DoesNotContain("Pak Dodi", text);
            Assert.DoesNotContain("Dander", text);
        }
        Assert.Contains("hanya untuk", (await chat.SendAsync("/kpm PPSE001")).Text);
        Assert.Contains("hanya untuk", (await chat.SendAsync("/cekdata")).Text);
        var wrong = await CliRunner.RunAsync(_app, "invite", "create", "--role", "pemantau", "--kecamatan", "Ngraho", "--desa", "Ngunut");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("tidak ada di Kec. Ngraho", wrong.Err);
    }

    [Fact]
    public async Task The_weekly_coordinator_digest_carries_the_ppse_line_of_its_scope()
    {
        await new ChatDriver(_app, 9904).AsAsync(Role.Koordinator, coordinatorId: await _data.CoordinatorAsync(false, "Dander"));
        var runner = _app.Services.GetRequiredService<ReminderRunner>();

        await runner.RunAsync(JobNames.CoordinatorWeekly, _app.Clock.GetUtcNow(), CancellationToken.None);

        var digest = await _app.WithDbAsync(db => db.Outbox.Where(m => m.ChatId == 9904).Select(m => m.Text).SingleAsync());
        Assert.Contains("PPSE: kandidat 0, dirujuk 0, graduasi mandiri", digest);
        Assert.Contains("0/10", digest);
    }

    [Fact]
    public async Task The_monthly_report_has_the_summary_the_kecamatan_the_mitra_and_the_latest_reconciliation()
    {
        var xlsx = RosterFiles.TempPath("xlsx");
        var month = $"{PkhBot.Reporting.Wib.ToWib(_app.Clock.GetUtcNow()):yyyy-MM}";

        var r = await CliRunner.RunWithAsync(_app, [$"--Ppse:TargetPerYear=100"], "report", "ppse", "--month", month, "--out", xlsx);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["ringkasan", "per_kecamatan", "rujukan_mitra", "rekonsiliasi"], MiniExcel.GetSheetNames(xlsx));
        var summary = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "ringkasan").Cast<IDictionary<string, object?>>()
            .ToDictionary(d => (string)d["uraian"]!, d => d["nilai"]?.ToString());
        Assert.Equal("7", summary["KPM di data bot"]);
        Assert.Equal("1", summary["Graduasi mandiri bulan ini"]);
        Assert.Equal("100", summary[$"Target graduasi mandiri {month[..4]}"]);   // Ppse:TargetPerYear for the kabupaten
        Assert.Equal("1", summary["Tahap: Kandidat graduasi"]);
        Assert.Equal("belum pernah", summary["Rekonsiliasi terakhir"]);
        var mitra = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "rujukan_mitra").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("Dinas Koperasi dan Usaha Mikro", mitra["mitra"]);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(xlsx));

        Assert.Equal(2, (await CliRunner.RunAsync(_app, "report", "ppse", "--month", "2025-13", "--out", xlsx)).ExitCode);
        var future = await CliRunner.RunAsync(_app, "report", "ppse", "--month", "2099-01", "--out", xlsx);
        Assert.Equal(2, future.ExitCode);
        Assert.Contains("belum dimulai", future.Err);
    }
}
