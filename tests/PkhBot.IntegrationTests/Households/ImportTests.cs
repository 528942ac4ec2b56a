using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Households;

public sealed class ImportTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_good_roster_is_imported_with_its_pendamping_and_spelling_variants_of_kecamatan()
    {
        var file = RosterFiles.WriteCsv([
            RosterFiles.Row(1),
            RosterFiles.Row(2, ("kecamatan", "Kepoh Baru"), ("desa", "pejok"), ("nama_pengurus", "Sri  Rahayu, S.Pd."), ("pendamping_kode", "PDP-T02"), ("pendamping_nama", "Ani")),
            RosterFiles.Row(3, ("kecamatan", "SUMBEREJO"), ("desa", "Desa Tlogohaji"), ("status", "Graduasi Mandiri")),
        ]);

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ditambah 3", r.Out);
        Assert.Contains("ditolak 0", r.Out);
        await _app.WithDbAsync(async db =>
        {
            var households = await db.Households.Include(h => h.Kecamatan).Include(h => h.Desa).Include(h => h.Pendamping).OrderBy(h => h.IdKpm).ToListAsync();
            Assert.Equal(["Ngraho", "Kepohbaru", "Sumberrejo"], households.Select(h => h.Kecamatan!.Nama));
            Assert.Equal(["Luwihaji", "Pejok", "Tlogohaji"], households.Select(h => h.Desa!.Nama));
            Assert.Equal("sri rahayu s pd", households[1].NamaSearch);
            Assert.Equal(PkhBot.Households.HouseholdStatus.GraduasiMandiri, households[2].Status);
            Assert.Equal(2, households[0].Sd);
            Assert.Equal(["PDP-T01", "PDP-T02"], await db.Pendamping.OrderBy(p => p.Kode).Select(p => p.Kode).ToListAsync());
            Assert.Equal("PDP-T02", households[1].Pendamping!.Kode);
            var audit = await db.Audit.SingleAsync(a => a.Action == "household.import");
            Assert.Contains("ditambah=3", audit.Details);
        });
    }

    [Fact]
    public async Task Reimporting_the_same_file_reports_everything_unchanged_and_writes_nothing()
    {
        var file = RosterFiles.WriteCsv(Enumerable.Range(1, 20).Select(n => RosterFiles.Row(n)));
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "import", file)).ExitCode);
        var versions = await _app.WithDbAsync(db => db.Households.OrderBy(h => h.Id).Select(h => h.Version).ToListAsync());

        var again = await CliRunner.RunAsync(_app, "import", file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("ditambah 0, diperbarui 0, tidak berubah 20, ditolak 0", again.Out);
        Assert.Equal(versions, await _app.WithDbAsync(db => db.Households.OrderBy(h => h.Id).Select(h => h.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_changed_row_updates_the_household_and_the_pendamping_by_kode()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_app, "import", RosterFiles.WriteCsv([RosterFiles.Row(1), RosterFiles.Row(2)]))).ExitCode);

        var r = await CliRunner.RunAsync(_app, "import", RosterFiles.WriteCsv([RosterFiles.Row(1, ("sd", "3"), ("pendamping_hp", "085711112222")), RosterFiles.Row(2)]));

        Assert.Contains("ditambah 0, diperbarui 1, tidak berubah 1", r.Out);
        Assert.Contains("Pendamping baru 0, diperbarui 1", r.Out);
        Assert.Equal(3, await _app.WithDbAsync(db => db.Households.Where(h => h.IdKpm == "KPM00001").Select(h => h.Sd).SingleAsync()));
        Assert.Equal("085711112222", await _app.WithDbAsync(db => db.Pendamping.Select(p => p.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Bad_rows_are_named_with_line_and_reason_while_good_rows_are_imported()
    {
        var file = RosterFiles.WriteCsv([
            RosterFiles.Row(1),                                              // line 2: good
            RosterFiles.Row(2, ("id_kpm", "")),                              // line 3
            RosterFiles.Row(3, ("nik", "35220112345")),                      // line 4
            RosterFiles.Row(4, ("kecamatan", "Gotham")),                     // line 5
            RosterFiles.Row(5, ("sd", "-1")),                                // line 6
            RosterFiles.Row(6, ("lansia", "dua")),                           // line 7
            RosterFiles.Row(7, ("status", "pensiun")),                       // line 8
            RosterFiles.Row(8, ("id_kpm", "KPM09999")),                      // line 9: duplicate id with line 10
            RosterFiles.Row(9, ("id_kpm", "KPM09999")),                      // line 10
            RosterFiles.Row(10, ("nik", "3522019999999999")),                // line 11: duplicate NIK with line 12
            RosterFiles.Row(11, ("nik", "3522019999999999")),                // line 12
            RosterFiles.Row(12, ("nama_pengurus", "=cmd|' /C calc'!A0")),    // line 13
            RosterFiles.Row(13, ("desa", "Atlantis")),                       // line 14: imported with a warning
            RosterFiles.Row(14),                                             // line 15: good
        ]);

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ditambah 3, diperbarui 0, tidak berubah 0, ditolak 11", r.Out);
        Assert.Contains("Baris 3: id_kpm kosong", r.Out);
        Assert.Contains("Baris 4: NIK harus 16 angka", r.Out);
        Assert.Contains("Baris 5: kecamatan 'Gotham' tidak dikenal", r.Out);
        Assert.Contains("Baris 6: sd harus angka", r.Out);
        Assert.Contains("Baris 7: lansia harus angka", r.Out);
        Assert.Contains("Baris 8: status 'pensiun' tidak dikenal", r.Out);
        Assert.Contains("Baris 9: id_kpm KPM09999 ganda, juga di baris 10", r.Out);
        Assert.Contains("Baris 10: id_kpm KPM09999 ganda, juga di baris 9", r.Out);
        Assert.Contains("Baris 11: NIK ganda, juga di baris 12", r.Out);
        Assert.Contains("Baris 12: NIK ganda, juga di baris 11", r.Out);
        Assert.Contains("Baris 13: nama_pengurus diawali = + - @", r.Out);
        Assert.Contains("Baris 14: desa 'Atlantis' tidak ditemukan", r.Out);
        Assert.DoesNotContain("3522019999999999", r.Out);
        Assert.Equal(["KPM00001", "KPM00013", "KPM00014"], await _app.WithDbAsync(db => db.Households.OrderBy(h => h.IdKpm).Select(h => h.IdKpm).ToListAsync()));
        Assert.Null(await _app.WithDbAsync(db => db.Households.Where(h => h.IdKpm == "KPM00013").Select(h => h.DesaId).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_column_stops_the_import_with_a_clear_message()
    {
        var header = RosterFiles.Header.Replace(",lansia", "");
        var file = RosterFiles.WriteCsv(["KPM1,3522010000000001,Siti,-,Luwihaji,Ngraho,P1,Budi,0812,0,0,1,0,0,0,aktif"], header);

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Kolom wajib tidak ada di baris judul: lansia", r.Err);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task Header_order_case_whitespace_and_a_byte_order_mark_are_tolerated()
    {
        var columns = RosterFiles.Header.Split(',');
        var header = string.Join(";", columns.Reverse().Select(c => "  " + c.ToUpperInvariant() + " "));
        var values = RosterFiles.Row(1).Split(',').Reverse();
        var file = RosterFiles.WriteCsv([string.Join(";", values)], header, new UTF8Encoding(true));

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("Siti Aminah 1", await _app.WithDbAsync(db => db.Households.Select(h => h.NamaPengurus).SingleAsync()));
    }

    [Fact]
    public async Task A_dry_run_reports_the_counts_and_writes_nothing()
    {
        var file = RosterFiles.WriteCsv([RosterFiles.Row(1), RosterFiles.Row(2), RosterFiles.Row(3, ("nik", "x"))]);

        var r = await CliRunner.RunAsync(_app, "import", file, "--dry-run");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("uji coba", r.Out);
        Assert.Contains("ditambah 2", r.Out);
        Assert.Contains("Pendamping baru 1", r.Out);
        await _app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Households.CountAsync());
            Assert.Equal(0, await db.Pendamping.CountAsync());
            Assert.Equal(0, await db.Audit.CountAsync());
        });
    }

    [Fact]
    public async Task A_file_in_windows_1252_is_read_with_its_accented_names_intact()
    {
        var file = RosterFiles.WriteCsv([RosterFiles.Row(1, ("nama_pengurus", "Renée Sutrisno"))], encoding: Encoding.Latin1);
        Assert.NotEqual(Encoding.UTF8.GetString(File.ReadAllBytes(file)), File.ReadAllText(file, Encoding.Latin1));

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("bukan UTF-8", r.Out);
        Assert.Equal("Renée Sutrisno", await _app.WithDbAsync(db => db.Households.Select(h => h.NamaPengurus).SingleAsync()));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var rows = Enumerable.Range(1, 9_000).Select(n => RosterFiles.Row(n));
        var file = RosterFiles.WriteCsv(rows);
        Assert.True(new FileInfo(file).Length > 1_048_576);

        var r = await CliRunner.RunWithAsync(_app, ["--Import:MaxFileMegabytes=1"], "import", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("terlalu besar", r.Err);
        Assert.Contains("Import:MaxFileMegabytes", r.Err);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task An_xlsx_roster_with_numeric_nik_cells_is_imported()
    {
        var path = RosterFiles.TempPath("xlsx");
        var rows = Enumerable.Range(1, 3).Select(n =>
        {
            var d = RosterFiles.Header.Split(',').Zip(RosterFiles.Row(n).Split(',')).ToDictionary(x => x.First, x => (object)x.Second);
            d["nik"] = 3522010000000000L + n;   // Excel keeps NIK as a number when nobody formats the column as text
            d["sd"] = 2;
            return d;
        }).ToList();
        MiniExcel.SaveAs(path, rows);

        var r = await CliRunner.RunAsync(_app, "import", path);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ditambah 3", r.Out);
        Assert.Equal("3522010000000002", await _app.WithDbAsync(db => db.Households.Where(h => h.IdKpm == "KPM00002").Select(h => h.Nik).SingleAsync()));
        // Imported, but the operator learns that Excel may have turned each NIK's 16th digit into 0.
        Assert.Contains("3 NIK tersimpan sebagai angka", r.Out);
    }

    [Fact]
    public async Task An_xlsx_with_a_merged_kecamatan_cell_fills_every_row_of_the_merge()
    {
        var path = RosterFiles.TempPath("xlsx");
        MergedCellsWorkbook.Write(path, RosterFiles.Header.Split(','), [RosterFiles.Row(1).Split(','), RosterFiles.Row(2).Split(','), RosterFiles.Row(3).Split(',')],
            mergedColumn: Array.IndexOf(RosterFiles.Header.Split(','), "kecamatan"));

        var r = await CliRunner.RunAsync(_app, "import", path);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(3, await _app.WithDbAsync(db => db.Households.CountAsync(h => h.Kecamatan!.Nama == "Ngraho")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_gets_a_clear_message()
    {
        var path = RosterFiles.TempPath("xlsx");
        await File.WriteAllTextAsync(path, "ini bukan excel");

        var r = await CliRunner.RunAsync(_app, "import", path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("tidak bisa dibaca", r.Err);
    }

    [Fact]
    public async Task Conflicting_pendamping_details_are_warned_about_and_a_nik_in_the_wrong_column_is_masked()
    {
        var file = RosterFiles.WriteCsv([
            RosterFiles.Row(1),
            RosterFiles.Row(2, ("pendamping_nama", "Budi Santosa")),
            RosterFiles.Row(3, ("sma", "3522011234567890")),
        ]);

        var r = await CliRunner.RunAsync(_app, "import", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Baris 3: pendamping_kode PDP-T01: nama/HP berbeda dengan baris 2", r.Out);
        Assert.Contains("Baris 4: sma harus angka", r.Out);
        Assert.DoesNotContain("3522011234567890", r.Out);
        Assert.Equal("Budi Santoso", await _app.WithDbAsync(db => db.Pendamping.Select(p => p.Nama).SingleAsync()));
    }
}
