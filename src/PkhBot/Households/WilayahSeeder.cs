using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>Loads the 28 kecamatan and 430 desa of Bojonegoro (embedded CSV, Kemendagri codes) once.</summary>
public sealed class WilayahSeeder(PkhDbContext db)
{
    public sealed record Row(string Kode, string Kecamatan, string Desa, string Jenis);

    public static IReadOnlyList<Row> ReadEmbedded()
    {
        using var stream = typeof(WilayahSeeder).Assembly.GetManifestResourceStream("PkhBot.Households.bojonegoro-wilayah.csv")
            ?? throw new InvalidOperationException("bojonegoro-wilayah.csv is not embedded");
        using var reader = new StreamReader(stream);
        // A fixed, quote-free file of ours (checked by a test): a split is all it needs.
        var rows = new List<Row>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            rows.Add(new Row(f[0], f[1], f[2], f[3]));
        }
        return rows;
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Desa.AnyAsync(ct)) return;
        var rows = ReadEmbedded();
        var kecamatan = new Dictionary<string, Kecamatan>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var kecKode = r.Kode[..8];
            if (!kecamatan.TryGetValue(r.Kecamatan, out var k))
            {
                k = await db.Kecamatan.FirstOrDefaultAsync(x => x.Kode == kecKode, ct) ?? new Kecamatan { Kode = kecKode, Nama = r.Kecamatan };
                if (k.Id == 0) db.Kecamatan.Add(k);
                kecamatan[r.Kecamatan] = k;
            }
            k.Desa.Add(new Desa { Kode = r.Kode, Nama = r.Desa, IsKelurahan = r.Jenis == "kelurahan" });
        }
        await db.SaveChangesAsync(ct);
    }
}
