using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reconciliation;

/// <summary>
/// For trying `reconcile` on demo data: an official list made from the roster with the differences real lists
/// have. A few families our roster has are missing (left the programme at Kemensos first), new families from
/// DTSEN are added, families we recorded as graduated are still listed as active, a NIK was retyped with two
/// digits swapped, and kecamatan are written the official way ("KEC. BAURENO").
/// </summary>
public static class DemoOfficialList
{
    public sealed record Written(int Rows, int Missing, int Added, int StatusChanged, int NikChanged);

    public static async Task<Written> WriteAsync(PkhDbContext db, string path, CancellationToken ct)
    {
        var random = new Random(2025);
        int rows = 0, missing = 0, added = 0, status = 0, nik = 0;
        await using var stream = Privacy.OwnerOnlyFile.Create(path);
        await using var w = new StreamWriter(stream, new UTF8Encoding(false));
        await w.WriteLineAsync("no;id_kpm;nik;nama_pengurus;kecamatan;desa;status;tahap");
        var households = db.Households.AsNoTracking().OrderBy(h => h.Id)
            .Select(h => new { h.IdKpm, h.Nik, h.NamaPengurus, Kecamatan = h.Kecamatan!.Nama, Desa = h.Desa != null ? h.Desa.Nama : "", h.Status })
            .AsAsyncEnumerable();
        await foreach (var h in households.WithCancellation(ct))
        {
            if (random.NextDouble() < 0.005) { missing++; continue; }
            var listedStatus = h.Status == HouseholdStatus.Aktif ? "AKTIF" : h.Status == HouseholdStatus.Nonaktif ? "NON AKTIF" : "GRADUASI";
            if (h.Status != HouseholdStatus.Aktif && random.NextDouble() < 0.5) { listedStatus = "AKTIF"; status++; }
            else if (h.Status == HouseholdStatus.Aktif && random.NextDouble() < 0.004) { listedStatus = "GRADUASI ALAMIAH"; status++; }
            var listedNik = h.Nik;
            if (h.Nik.Length == 16 && random.NextDouble() < 0.003)
            {
                var i = random.Next(6, 14);
                var chars = h.Nik.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                if (chars[i] != chars[i + 1]) nik++;
                listedNik = new string(chars);
            }
            await WriteRowAsync(w, ++rows, h.IdKpm, listedNik, h.NamaPengurus, h.Kecamatan, h.Desa, listedStatus);
            if (random.NextDouble() < 0.01)
            {
                added++;
                var id = "3599" + random.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
                var newNik = "3522" + random.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
                await WriteRowAsync(w, ++rows, id, newNik, "KPM Baru DTSEN " + added, h.Kecamatan, h.Desa, "AKTIF");
            }
        }
        return new Written(rows, missing, added, status, nik);
    }

    private static Task WriteRowAsync(StreamWriter w, int no, string id, string nik, string nama, string kecamatan, string desa, string status)
        => w.WriteLineAsync(string.Join(';', no.ToString(CultureInfo.InvariantCulture), id, "'" + nik, Field(nama),
            "KEC. " + kecamatan.ToUpperInvariant(), Field(desa.ToUpperInvariant()), status, "4"));

    private static string Field(string s) => s.Contains(';') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
