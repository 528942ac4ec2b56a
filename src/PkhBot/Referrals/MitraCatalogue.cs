using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PkhBot.Referrals;

public sealed record Mitra(
    [property: JsonPropertyName("kode")] string Code,
    [property: JsonPropertyName("nama")] string Name,
    [property: JsonPropertyName("program")] IReadOnlyList<string> Programmes);

/// <summary>
/// The partner agencies and their programmes, from a JSON file Dinsos edits (prompts/mitra/katalog.json by
/// default). Read once at start; a missing or broken file stops the host with one clear line (see the options).
/// </summary>
public sealed class MitraCatalogue
{
    private readonly Dictionary<string, Mitra> _byCode;

    public MitraCatalogue(IReadOnlyList<Mitra> all)
    {
        All = all;
        _byCode = all.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Mitra> All { get; }

    public Mitra? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var m) ? m : null;

    public static MitraCatalogue Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream) ?? throw new InvalidDataException("empty");
        var list = file.Mitra ?? [];
        if (list.Count == 0) throw new InvalidDataException("no entries");
        foreach (var m in list)
        {
            if (string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Name) || m.Code.Any(c => !char.IsAsciiLetterOrDigit(c)) || m.Code.Length > 32)
                throw new InvalidDataException($"bad entry '{m.Code}'");
        }
        var repeated = list.GroupBy(m => m.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidDataException($"code '{repeated.Key}' twice");
        return new MitraCatalogue(list.Select(m => m with { Code = m.Code.ToUpperInvariant(), Programmes = m.Programmes ?? [] }).ToList());
    }

    public static MitraCatalogue FromOptions(IOptions<ReferralsOptions> options) => Load(options.Value.ResolvedCataloguePath);

    private sealed record CatalogueFile([property: JsonPropertyName("mitra")] List<Mitra>? Mitra);
}
