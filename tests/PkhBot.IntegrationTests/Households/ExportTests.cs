using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Households;

public sealed class ExportTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var now = _app.Clock.GetUtcNow();
        await _app.WithDbAsync(async db =>
        {
            var ngraho = await db.Kecamatan.FirstAsync(k => k.Nama == "Ngraho");
            var dander = await db.Kecamatan.FirstAsync(k => k.Nama == "Dander");
            var p = new Pendamping { Kode = "PDP-001", Nama = "@Budi", KecamatanId = ngraho.Id, CreatedAt = now };
            db.Pendamping.Add(p);
            await db.SaveChangesAsync();
            Household H(string id, string nik, string nama, string? alamat, int kec) => new()
            {
                IdKpm = id, Nik = nik, NamaPengurus = nama, Alamat = alamat, KecamatanId = kec, PendampingId = p.Id, Sd = 1, CreatedAt = now, UpdatedAt = now,
            };
            var evil = H("KPM1", "3522011111117890", "=HYPERLINK(\"http://evil\",\"klik\")", "+62 Jl. Raya", ngraho.Id);
            var plain = H("KPM2", "3522012222224321", "Siti Aminah", "-", dander.Id);
            db.Households.AddRange(evil, plain);
            await db.SaveChangesAsync();
            db.Reports.AddRange(
                new ProgressReport { HouseholdId = evil.Id, PendampingId = p.Id, EventAt = now.AddDays(-10), ReceivedAt = now, Category = ReportCategory.Kunjungan, Note = "lama" },
                new ProgressReport { HouseholdId = evil.Id, PendampingId = p.Id, EventAt = now.AddDays(-2), ReceivedAt = now, Category = ReportCategory.Kendala, Note = "-KKS hilang" });
            db.FollowUps.AddRange(
                new FollowUp { HouseholdId = evil.Id, PendampingId = p.Id, Issue = "KKS", DueDate = new DateOnly(2025, 11, 20), Status = FollowUpStatus.Open, OpenedAt = now },
                new FollowUp { HouseholdId = evil.Id, PendampingId = p.Id, Issue = "KK", DueDate = new DateOnly(2025, 11, 21), Status = FollowUpStatus.Open, OpenedAt = now },
                new FollowUp { HouseholdId = evil.Id, PendampingId = p.Id, Issue = "lama", DueDate = new DateOnly(2025, 11, 1), Status = FollowUpStatus.Closed, OpenedAt = now });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_csv_export_masks_nik_escapes_formulas_and_shows_the_latest_report()
    {
        var path = RosterFiles.TempPath("csv");

        var r = await CliRunner.RunAsync(_app, "export", "--format", "csv", "--out", path);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("2 rumah tangga", r.Out);
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("id_kpm,nik,nama_pengurus", lines[0].TrimStart('\uFEFF'));
        var text = string.Join("\n", lines);
        Assert.DoesNotContain("3522011111117890", text);
        Assert.Contains("************7890", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\"", lines[1]);
        Assert.Contains("'+62 Jl. Raya", lines[1]);
        Assert.Contains("'@Budi", lines[1]);
        Assert.Contains("2025-11-15,kendala,'-KKS hilang,2", lines[1]);
        Assert.EndsWith(",,,0", lines[2]);
        Assert.Contains(",'-,", lines[2]);
    }

    [Fact]
    public async Task An_xlsx_export_holds_the_same_rows_with_formulas_neutralised()
    {
        var path = RosterFiles.TempPath("xlsx");

        var r = await CliRunner.RunAsync(_app, "export", "--format", "xlsx", "--out", path);

        Assert.True(r.ExitCode == 0, r.ToString());
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"klik\")", rows[0]["nama_pengurus"]);
        Assert.Equal("************7890", rows[0]["nik"]);
        Assert.Equal("kendala", rows[0]["laporan_terakhir_kategori"]);
        Assert.Equal(2d, Convert.ToDouble(rows[0]["tindak_lanjut_terbuka"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rows.SelectMany(x => x.Values).OfType<string>(), v => Assert.False(Spreadsheet.LooksLikeFormula(v), v));
    }

    [Fact]
    public async Task An_export_can_be_limited_to_one_kecamatan_and_refuses_an_unknown_one()
    {
        var path = RosterFiles.TempPath("csv");
        var r = await CliRunner.RunAsync(_app, "export", "--format", "csv", "--out", path, "--kecamatan", "dander");
        var bad = await CliRunner.RunAsync(_app, "export", "--format", "csv", "--out", path, "--kecamatan", "Gotham");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 rumah tangga", r.Out);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Kecamatan 'Gotham' tidak dikenal", bad.Err);
    }
}
