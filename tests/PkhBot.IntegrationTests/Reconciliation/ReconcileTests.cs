using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Reconciliation;

/// <summary>
/// `reconcile` against a roster of seven households (six in Ngraho, one in Dander) and an official list with one
/// difference of each kind, as a Dinsos operator runs it from the command line.
/// </summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private const string Header = "no,id_kpm,nik,nama_pengurus,kecamatan,status,keterangan";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var roster = RosterFiles.WriteCsv(Enumerable.Range(1, 6).Select(n => RosterFiles.Row(n))
            .Append(RosterFiles.Row(7, ("kecamatan", "Dander"), ("desa", "Ngunut"))));
        var imported = await CliRunner.RunAsync(_app, "import", roster);
        Assert.True(imported.ExitCode == 0, imported.ToString());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One of each: same, status, NIK, masked-but-equal NIK, id in other case, only in the list; 6 and 7 missing.</summary>
    private static string OfficialCsv(Encoding? encoding = null, string name1 = "Siti Aminah 1") => RosterFiles.WriteCsv(
    [
        $"1,KPM00001,3522010000000001,{name1},Ngraho,Aktif,",
        "2,KPM00002,3522010000000002,Siti Aminah 2,Ngraho,Graduasi Mandiri,",
        "3,KPM00003,3522019999999999,Siti Aminah 3,Ngraho,AKTIF,nik salah",
        "4,KPM00004,352201******0004,Siti Aminah 4,Ngraho,aktif,",
        "5,kpm00005,3522010000000005,Siti Aminah 5,Ngraho,KPM Aktif,",
        "6,KPM99999,3522017777777777,Warsini,Kec. Ngraho,aktif,baru",
    ], Header, encoding);

    [Fact]
    public async Task Each_kind_of_difference_is_counted_in_total_and_per_kecamatan_in_json()
    {
        var versions = await Versions();

        var r = await CliRunner.RunAsync(_app, "reconcile", OfficialCsv(), "--json");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("in_both").GetInt32());
        Assert.Equal(1, root.GetProperty("only_in_file").GetInt32());
        Assert.Equal(2, root.GetProperty("only_in_database").GetInt32());
        Assert.Equal(1, root.GetProperty("status_differs").GetInt32());
        Assert.Equal(1, root.GetProperty("nik_differs").GetInt32());
        var kecamatan = root.GetProperty("kecamatan").EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!);
        Assert.Equal(["Dander", "Ngraho"], kecamatan.Keys.Order());
        Assert.Equal(5, kecamatan["Ngraho"].GetProperty("in_both").GetInt32());
        Assert.Equal(1, kecamatan["Ngraho"].GetProperty("only_in_file").GetInt32());
        Assert.Equal(1, kecamatan["Ngraho"].GetProperty("only_in_database").GetInt32());
        Assert.Equal(1, kecamatan["Dander"].GetProperty("only_in_database").GetInt32());
        Assert.Equal(0, kecamatan["Dander"].GetProperty("in_both").GetInt32());
        Assert.DoesNotMatch(new Regex(@"\d{16}"), r.Out);
        // Nothing of the households changed.
        Assert.Equal(versions, await Versions());
    }

    [Fact]
    public async Task The_kecamatan_option_limits_both_sides_to_that_kecamatan()
    {
        var r = await CliRunner.RunAsync(_app, "reconcile", OfficialCsv(), "--json", "--kecamatan", "dander");

        Assert.True(r.ExitCode == 0, r.ToString());
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(0, root.GetProperty("in_both").GetInt32());
        Assert.Equal(0, root.GetProperty("only_in_file").GetInt32());
        Assert.Equal(1, root.GetProperty("only_in_database").GetInt32());
        Assert.Equal(["Dander"], root.GetProperty("kecamatan").EnumerateArray().Select(k => k.GetProperty("name").GetString()));

        var unknown = await CliRunner.RunAsync(_app, "reconcile", OfficialCsv(), "--kecamatan", "Atlantis");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Kecamatan 'Atlantis' tidak dikenal", unknown.Err);
    }

    [Fact]
    public async Task The_workbook_has_a_summary_and_one_sheet_per_group_with_nik_masked_and_only_its_owner_may_read_it()
    {
        var xlsx = RosterFiles.TempPath("xlsx");

        var r = await CliRunner.RunAsync(_app, "reconcile", OfficialCsv(), "--out", xlsx);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Hanya di daftar resmi: 1", r.Out);
        Assert.Equal(["ringkasan", "in_both", "only_in_file", "only_in_database", "status_differs", "nik_differs"], MiniExcel.GetSheetNames(xlsx));
        var nik = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "nik_differs").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("KPM00003", nik["id_kpm"]);
        Assert.Equal("************9999", nik["nik_daftar"]);
        Assert.Equal("************0003", nik["nik_bot"]);
        var onlyInDb = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "only_in_database").Cast<IDictionary<string, object?>>().Select(d => d["id_kpm"]);
        Assert.Equal(["KPM00006", "KPM00007"], onlyInDb.Order());
        var status = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "status_differs").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("Graduasi Mandiri", status["status_daftar"]);
        Assert.Equal("aktif", status["status_bot"]);
        foreach (var sheet in MiniExcel.GetSheetNames(xlsx))
            foreach (IDictionary<string, object?> row in MiniExcel.Query(xlsx, sheetName: sheet))
                Assert.DoesNotContain(row.Values, v => v is string s && Regex.IsMatch(s, @"\d{16}"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(xlsx));
    }

    [Fact]
    public async Task A_list_saved_from_excel_with_nik_as_numbers_matches_by_id_and_number()
    {
        var xlsx = RosterFiles.TempPath("xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["ID_KPM"] = "KPM00001", ["NIK"] = 3522010000000001d, ["Nama Pengurus"] = "Siti", ["Kecamatan"] = "NGRAHO", ["Status"] = "Aktif", ["Alamat"] = "x" },
            new Dictionary<string, object?> { ["ID_KPM"] = "KPM00002", ["NIK"] = 3522010000000002d, ["Nama Pengurus"] = "Siti", ["Kecamatan"] = "NGRAHO", ["Status"] = "Aktif", ["Alamat"] = "x" },
        });

        var r = await CliRunner.RunAsync(_app, "reconcile", xlsx, "--json");

        Assert.True(r.ExitCode == 0, r.ToString());
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(2, root.GetProperty("in_both").GetInt32());
        Assert.Equal(0, root.GetProperty("nik_differs").GetInt32());
        Assert.Equal(5, root.GetProperty("only_in_database").GetInt32());
    }

    [Fact]
    public async Task A_windows_1252_file_is_read_with_a_warning()
    {
        var r = await CliRunner.RunAsync(_app, "reconcile", OfficialCsv(Encoding.Latin1, name1: "Siti Ñurhayati"));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("bukan UTF-8", r.Out);
        Assert.Contains("Ada di keduanya: 5", r.Out);
    }

    [Fact]
    public async Task A_file_that_cannot_be_used_exits_2_with_one_clear_line_and_records_nothing()
    {
        var missingColumn = RosterFiles.WriteCsv(["KPM00001,3522010000000001,Siti,Ngraho"], "id_kpm,nik,nama_pengurus,kecamatan");
        var garbage = RosterFiles.TempPath("xlsx");
        await File.WriteAllBytesAsync(garbage, Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a workbook"));
        var missingFile = RosterFiles.TempPath("csv");

        foreach (var (file, expected) in new[] { (missingColumn, "status"), (garbage, "tidak bisa dibaca"), (missingFile, "tidak ditemukan") })
        {
            var r = await CliRunner.RunAsync(_app, "reconcile", file);
            Assert.True(r.ExitCode == 2, r.ToString());
            Assert.Contains(expected, r.Err);
            Assert.Single(r.Err.Trim().Split('\n'));
        }
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReconciliationRuns.CountAsync()));
    }

    [Fact]
    public async Task Cekdata_shows_the_latest_reconciliation_within_the_coordinators_scope()
    {
        var data = new ReportingData(_app);
        var ngraho = await new ChatDriver(_app, 9701).AsAsync(Role.Koordinator, coordinatorId: await data.CoordinatorAsync(false, "Ngraho"));
        var dander = await new ChatDriver(_app, 9702).AsAsync(Role.Koordinator, coordinatorId: await data.CoordinatorAsync(false, "Dander"));
        Assert.Contains("Belum pernah dijalankan", (await ngraho.SendAsync("/cekdata")).Text);

        Assert.Equal(0, (await CliRunner.RunAsync(_app, "reconcile", OfficialCsv())).ExitCode);

        var seenByNgraho = (await ngraho.SendAsync("/cekdata")).Text;
        Assert.Contains("Ada di keduanya: 5", seenByNgraho);
        Assert.Contains("Hanya di daftar resmi: 1", seenByNgraho);
        Assert.Contains("Hanya di data bot: 1", seenByNgraho);
        Assert.Contains("Status berbeda: 1", seenByNgraho);
        var seenByDander = (await dander.SendAsync("/cekdata")).Text;
        Assert.Contains("Ada di keduanya: 0", seenByDander);
        Assert.Contains("Hanya di data bot: 1", seenByDander);
        Assert.Contains("Hanya di daftar resmi: 0", seenByDander);
    }

    private Task<List<Guid>> Versions() => _app.WithDbAsync(db => db.Households.OrderBy(h => h.Id).Select(h => h.Version).ToListAsync());
}

public sealed class DemoOfficialListTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Seed_demo_writes_an_official_list_whose_reconciliation_finds_what_it_made_different()
    {
        var list = RosterFiles.TempPath("csv");
        var seeded = await CliRunner.RunAsync(_app, "seed-demo", "--households", "3000", "--official-list", list);
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        var said = Regex.Match(seeded.Out, @"(\d+) KPM tidak tercantum, (\d+) KPM baru, (\d+) status berbeda, (\d+) NIK berbeda");
        Assert.True(said.Success, seeded.Out);
        int Said(int group) => int.Parse(said.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

        var r = await CliRunner.RunAsync(_app, "reconcile", list, "--json");

        Assert.True(r.ExitCode == 0, r.ToString());
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(Said(1), root.GetProperty("only_in_database").GetInt32());
        Assert.Equal(Said(2), root.GetProperty("only_in_file").GetInt32());
        Assert.Equal(Said(3), root.GetProperty("status_differs").GetInt32());
        Assert.Equal(Said(4), root.GetProperty("nik_differs").GetInt32());
        Assert.Equal(3000 - Said(1), root.GetProperty("in_both").GetInt32());
        Assert.All(new[] { 1, 2, 3 }, g => Assert.True(Said(g) > 0, $"group {g} is empty: the demo would show nothing"));
        Assert.Equal(28, root.GetProperty("kecamatan").GetArrayLength());
        // The demo also refers families to partner agencies, in every state.
        var states = await _app.WithDbAsync(db => db.Referrals.Select(x => x.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<PkhBot.Referrals.ReferralStatus>().Order(), states.Order());
    }
}
