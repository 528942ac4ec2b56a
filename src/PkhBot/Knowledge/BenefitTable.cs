namespace PkhBot.Knowledge;

/// <summary>How sure the fact sheet is: A several sources agree, B consistent in media, C uncertain or contradictory.</summary>
public enum Rating { A, B, C }

/// <summary>One komponen of prompts/knowledge/benefits.tsv: its amount per tahap and the words that name it in a question.</summary>
public sealed record BenefitKomponen(string Code, string Name, long PerTahap, string Year, Rating Rating, string Source, IReadOnlyList<string> Words);

/// <summary>One rule of benefits.tsv ("maks_aud 2"): its value, how sure it is and the sentence shown when it changes a figure.</summary>
public sealed record BenefitRule(string Code, int Value, string Year, Rating Rating, string Source, string Text);

/// <summary>
/// The amounts and rules the benefit calculator applies, read from one file Dinsos can edit
/// (prompts/knowledge/benefits.tsv). Every code the calculator needs must be present: a missing line stops the load.
/// </summary>
public sealed class BenefitTable
{
    public const string FileName = "benefits.tsv";

    /// <summary>The komponen codes the calculator knows, in the order it lists them.</summary>
    public static readonly string[] KomponenCodes = ["bumil", "aud", "sd", "smp", "sma", "disabilitas", "lansia"];

    private static readonly string[] RuleCodes =
        ["tahap_per_tahun", "maks_komponen", "maks_aud", "maks_kehamilan", "maks_anak", "maks_lansia_disabilitas",
         "satu_orang_dua_komponen", "umur_lansia", "umur_lansia_lain", "besaran_terverifikasi"];

    public required IReadOnlyList<BenefitKomponen> Komponen { get; init; }
    public required IReadOnlyDictionary<string, BenefitRule> Rules { get; init; }

    /// <summary>The first year any komponen's amount is given for ("2021-2025" -> 2021): earlier years had other amounts.</summary>
    public int FirstYear => Komponen.Select(k => FirstYearOf(k.Year)).Min();

    private static int FirstYearOf(string years)
        => int.TryParse(years.Split('-', '–')[0].Trim(), out var y) ? y : int.MaxValue;

    public BenefitKomponen Get(string code) => Komponen.First(k => k.Code == code);
    public BenefitRule Rule(string code) => Rules[code];

    public static BenefitTable Parse(IEnumerable<string> lines)
    {
        var komponen = new List<BenefitKomponen>();
        var rules = new Dictionary<string, BenefitRule>(StringComparer.Ordinal);
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var p = raw.Split('\t').Select(s => s.Trim()).ToArray();
            switch (p[0])
            {
                case "komponen" when p.Length >= 8:
                    komponen.Add(new BenefitKomponen(p[1], p[2], Number(p[3], n), p[4], ParseRating(p[5], n), p[6],
                        p[7].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList()));
                    break;
                case "aturan" when p.Length >= 7:
                    rules[p[1]] = new BenefitRule(p[1], (int)Number(p[2], n), p[3], ParseRating(p[4], n), p[5], p[6]);
                    break;
                default:
                    throw new InvalidDataException($"{FileName} baris {n}: harus 'komponen' (8 kolom) atau 'aturan' (7 kolom), dipisah TAB.");
            }
        }
        foreach (var code in KomponenCodes.Where(c => komponen.All(k => k.Code != c)))
            throw new InvalidDataException($"{FileName}: komponen '{code}' tidak ada.");
        foreach (var code in RuleCodes.Where(c => !rules.ContainsKey(c)))
            throw new InvalidDataException($"{FileName}: aturan '{code}' tidak ada.");
        return new BenefitTable { Komponen = komponen.OrderBy(k => Array.IndexOf(KomponenCodes, k.Code)).ToList(), Rules = rules };
    }

    private static long Number(string s, int line)
        => long.TryParse(s.Replace(".", "", StringComparison.Ordinal), out var v) && v >= 0
            ? v : throw new InvalidDataException($"{FileName} baris {line}: '{s}' bukan angka.");

    private static Rating ParseRating(string s, int line)
        => Enum.TryParse<Rating>(s, ignoreCase: true, out var r) && Enum.IsDefined(r)
            ? r : throw new InvalidDataException($"{FileName} baris {line}: rating harus A, B atau C.");
}
