using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>
/// Finds kecamatan and desa by name the way people write them: case, spaces and punctuation ignored, doubled
/// letters collapsed ("Kepoh Baru" = "Kepohbaru", "Sumberejo" = "Sumberrejo"), "Kec."/"Desa" prefixes dropped.
/// </summary>
public sealed class WilayahIndex
{
    private readonly Dictionary<string, (int Id, string Nama)> _kecamatan = [];
    private readonly Dictionary<int, Dictionary<string, int>> _desa = [];

    public IReadOnlyCollection<(int Id, string Nama)> Kecamatan => _kecamatan.Values;

    public static async Task<WilayahIndex> LoadAsync(PkhDbContext db, CancellationToken ct)
    {
        var index = new WilayahIndex();
        foreach (var k in await db.Kecamatan.AsNoTracking().Select(k => new { k.Id, k.Nama }).ToListAsync(ct))
            index._kecamatan[Key(k.Nama)] = (k.Id, k.Nama);
        foreach (var d in await db.Desa.AsNoTracking().Select(d => new { d.Id, d.Nama, d.KecamatanId }).ToListAsync(ct))
        {
            if (!index._desa.TryGetValue(d.KecamatanId, out var map)) index._desa[d.KecamatanId] = map = [];
            map.TryAdd(Key(d.Nama), d.Id);
        }
        return index;
    }

    public (int Id, string Nama)? FindKecamatan(string? name)
        => string.IsNullOrWhiteSpace(name) ? null : _kecamatan.TryGetValue(Key(name), out var k) ? k : null;

    public int? FindDesa(int kecamatanId, string? name)
        => string.IsNullOrWhiteSpace(name) ? null
            : _desa.TryGetValue(kecamatanId, out var map) && map.TryGetValue(Key(name), out var id) ? id : null;

    private static readonly string[] Prefixes = ["kecamatan", "kec", "kelurahan", "kel", "desa", "ds"];

    /// <summary>The comparison key of a place name.</summary>
    public static string Key(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        foreach (var p in Prefixes)
        {
            if (lower.StartsWith(p + ".", StringComparison.Ordinal) || lower.StartsWith(p + " ", StringComparison.Ordinal))
            {
                lower = lower[(p.Length + 1)..];
                break;
            }
        }
        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
