namespace PkhBot.Knowledge;

/// <summary>
/// A family's komponen as the benefit calculator sees them: counts per komponen code (see
/// <see cref="BenefitTable.KomponenCodes"/>), plus what a question may say about them (which pregnancy,
/// a lansia's age, one person fitting two komponen). From a question (<see cref="FamilyParser"/>) or a household's data.
/// </summary>
public sealed class Family
{
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>"hamil anak ketiga" -> 3; null when not said.</summary>
    public int? PregnancyOrder { get; set; }

    /// <summary>Children named as the mother's own: with a pregnancy they imply its order.</summary>
    public int OwnChildren { get; set; }

    /// <summary>Ages stated for lansia, one per person.</summary>
    public List<int> LansiaAges { get; } = [];

    /// <summary>Pairs of komponen codes that are one person ("anak SMP yang juga disabilitas berat").</summary>
    public List<(string First, string Second)> SamePerson { get; } = [];

    /// <summary>True when a count was written ("2 anak SD", "balita 3"), an age or an order: the question is about this family.</summary>
    public bool Explicit { get; set; }

    /// <summary>Children the question names who are no komponen ("anak sulung kuliah"): a person of the family, counted for nothing.</summary>
    public int Uncounted { get; set; }

    /// <summary>Children named as past a level ("sudah lulus SMA, kerja"): of the family, counted for nothing.</summary>
    public int Graduated { get; init; }

    public int Count(string code) => Counts.GetValueOrDefault(code);

    public int Persons => Counts.Values.Sum() - SamePerson.Count;

    public Family Add(string code, int n)
    {
        Counts[code] = Count(code) + n;
        return this;
    }

    /// <summary>A household's recorded counts (the /kpm card).</summary>
    public static Family FromCounts(int ibuHamil, int anakUsiaDini, int sd, int smp, int sma, int disabilitasBerat, int lansia)
        => new Family().Add("bumil", ibuHamil).Add("aud", anakUsiaDini).Add("sd", sd).Add("smp", smp).Add("sma", sma)
            .Add("disabilitas", disabilitasBerat).Add("lansia", lansia);
}
