using System.Text;

namespace PkhBot.IntegrationTests.Households;

/// <summary>Roster files for tests: a header and rows of the 17 columns.</summary>
public static class RosterFiles
{
    public const string Header = "id_kpm,nik,nama_pengurus,alamat,desa,kecamatan,pendamping_kode,pendamping_nama,pendamping_hp,ibu_hamil,anak_usia_dini,sd,smp,sma,disabilitas_berat,lansia,status";

    /// <summary>A valid row; override single fields by column name.</summary>
    public static string Row(int n, params (string Column, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["id_kpm"] = $"KPM{n:00000}", ["nik"] = $"352201{n:0000000000}", ["nama_pengurus"] = $"Siti Aminah {n}",
            ["alamat"] = "Dsn. Krajan RT 001 RW 002", ["desa"] = "Luwihaji", ["kecamatan"] = "Ngraho",
            ["pendamping_kode"] = "PDP-T01", ["pendamping_nama"] = "Budi Santoso", ["pendamping_hp"] = "081234567890",
            ["ibu_hamil"] = "0", ["anak_usia_dini"] = "1", ["sd"] = "2", ["smp"] = "0", ["sma"] = "0",
            ["disabilitas_berat"] = "0", ["lansia"] = "1", ["status"] = "aktif",
        };
        foreach (var (c, v) in overrides) values[c] = v;
        return string.Join(",", Header.Split(',').Select(c => Quote(values[c])));
    }

    public static string Quote(string v) => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;

    public static string WriteCsv(IEnumerable<string> rows, string? header = null, Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"roster-{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\r\n", new[] { header ?? Header }.Concat(rows)) + "\r\n", encoding ?? new UTF8Encoding(false));
        return path;
    }

    public static string TempPath(string ext) => Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"file-{Guid.NewGuid():N}.{ext}");
}
