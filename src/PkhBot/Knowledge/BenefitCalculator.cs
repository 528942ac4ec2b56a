namespace PkhBot.Knowledge;

/// <summary>A figure under one reading of the rules: the komponen counted and the total.</summary>
public sealed record BenefitFigure(IReadOnlyList<BenefitKomponen> Counted, long PerTahap, long PerTahun);

/// <summary>
/// The calculator's answer: the figure under the sure (A-rated) rules, what trimmed a count, and the figure
/// under each uncertain (B/C-rated or inferred) reading that would change it. <see cref="Hedged"/>: an uncertain
/// rule or an unverified year's amount decides the figure, so it is an estimate.
/// </summary>
/// <param name="Capped">The family as written holds more of some komponen than a cap of benefits.tsv counts.</param>
public sealed record BenefitEstimate(BenefitFigure Figure, IReadOnlyList<string> Notes, IReadOnlyList<(string Reading, BenefitFigure Figure)> Alternatives, bool Hedged, string Source, bool Capped = false);

/// <summary>
/// Applies benefits.tsv to a <see cref="Family"/>: amounts per tahap, the caps (anak usia dini, children,
/// lansia/disabilitas, komponen per family), pregnancy up to the n-th, one person in two komponen counts
/// the higher one, the lansia age. A rule rated A trims the count and says so; a rule rated B or C (and a
/// pregnancy order only implied by the number of children) does not decide alone: the estimate shows the
/// figure without and with it. Pure and thread-safe.
/// </summary>
public sealed class BenefitCalculator(BenefitTable table)
{
    public BenefitTable Table => table;

    public BenefitEstimate Estimate(Family family, int year)
    {
        var units = new List<BenefitKomponen>();
        foreach (var k in table.Komponen) units.AddRange(Enumerable.Repeat(k, Math.Max(0, family.Count(k.Code))));
        var notes = new List<string>();
        if (family.Uncounted > 0) notes.Add(KnowledgeTexts.BenefitPastSchool);
        if (family.Graduated > 0) notes.Add(KnowledgeTexts.BenefitGraduated);
        var readings = new List<(string Reading, Func<List<BenefitKomponen>, bool> Apply)>();
        bool hedged = false, capped = false;

        foreach (var (first, second) in family.SamePerson)
        {
            var a = units.FirstOrDefault(u => u.Code == first);
            var b = units.FirstOrDefault(u => u.Code == second);
            if (a is null || b is null) continue;
            units.Remove(a.PerTahap >= b.PerTahap ? b : a);
            var rule = table.Rule("satu_orang_dua_komponen");
            notes.Add(KnowledgeTexts.BenefitSamePerson(rule.Text, a.PerTahap >= b.PerTahap ? a.Name : b.Name));
            hedged |= rule.Rating != Rating.A;
        }

        var min = table.Rule("umur_lansia");
        var other = table.Rule("umur_lansia_lain");
        foreach (var age in family.LansiaAges)
        {
            if (age >= Math.Max(min.Value, other.Value)) continue;
            if (age < Math.Min(min.Value, other.Value))
            {
                Remove(units, "lansia", 1);
                notes.Add(KnowledgeTexts.BenefitTooYoung(age, Math.Min(min.Value, other.Value)));
                continue;
            }
            // Between the two ages the fact sheet gives: counted by one rule, not by the other.
            readings.Add((KnowledgeTexts.BenefitAgeReading(age, Math.Max(min.Value, other.Value)), u => Remove(u, "lansia", 1)));
            hedged = true;
        }

        var pregnancies = table.Rule("maks_kehamilan");
        if (units.Any(u => u.Code == "bumil"))
        {
            if (family.PregnancyOrder is { } order && order > pregnancies.Value)
            {
                if (pregnancies.Rating == Rating.A)
                {
                    Remove(units, "bumil", int.MaxValue);
                    notes.Add(KnowledgeTexts.BenefitPregnancyNotCounted(order, pregnancies.Text));
                }
                else readings.Add((KnowledgeTexts.BenefitPregnancyReading(order, pregnancies.Text), u => Remove(u, "bumil", int.MaxValue)));
            }
            else if (family.PregnancyOrder is null && family.OwnChildren >= pregnancies.Value)
            {
                readings.Add((KnowledgeTexts.BenefitImpliedPregnancy(family.OwnChildren, pregnancies.Text), u => Remove(u, "bumil", int.MaxValue)));
                hedged = true;
            }
        }

        Cap("maks_aud", u => u.Code == "aud");
        Cap("maks_anak", u => u.Code is "aud" or "sd" or "smp" or "sma");
        Cap("maks_lansia_disabilitas", u => u.Code is "lansia" or "disabilitas");
        var perFamily = table.Rule("maks_komponen");
        if (units.Count > perFamily.Value)
        {
            capped = true;
            notes.Add(KnowledgeTexts.BenefitTrimmed(perFamily.Text, units.Count, perFamily.Value));
            hedged = true;   // which komponen count first is Kemensos's priority order, not ours
        }

        var figure = Figure(units);
        var alternatives = readings
            .Select(r => { var copy = units.ToList(); r.Apply(copy); return (r.Reading, Figure: Figure(copy)); })
            .Where(a => a.Figure.PerTahap != figure.PerTahap)
            .DistinctBy(a => a.Figure.PerTahap)
            .ToList();
        var verified = table.Rule("besaran_terverifikasi").Value;
        if (year > verified)
        {
            notes.Add(KnowledgeTexts.BenefitUnverifiedYear(year, verified));
            hedged = true;
        }
        hedged |= alternatives.Count > 0 || figure.Counted.Any(k => k.Rating != Rating.A);
        var sources = figure.Counted.Select(k => k.Source).Append(table.Komponen[0].Source).Distinct().Take(2);
        return new BenefitEstimate(figure, notes, alternatives, hedged, string.Join("; ", sources), capped);

        void Cap(string code, Func<BenefitKomponen, bool> which)
        {
            var rule = table.Rule(code);
            var n = units.Count(which);
            if (n <= rule.Value) return;
            capped = true;
            if (rule.Rating == Rating.A)
            {
                Keep(units, which, rule.Value);
                notes.Add(KnowledgeTexts.BenefitCapped(rule.Text, n, rule.Value));
            }
            else readings.Add((rule.Text, u => Keep(u, which, rule.Value)));
        }
    }

    /// <summary>The family's komponen counted, at most <c>maks_komponen</c>, the higher amounts first.</summary>
    private BenefitFigure Figure(List<BenefitKomponen> units)
    {
        var counted = units.OrderByDescending(u => u.PerTahap).Take(table.Rule("maks_komponen").Value)
            .OrderBy(u => Array.IndexOf(BenefitTable.KomponenCodes, u.Code)).ToList();
        var perTahap = counted.Sum(u => u.PerTahap);
        return new BenefitFigure(counted, perTahap, perTahap * table.Rule("tahap_per_tahun").Value);
    }

    private static bool Remove(List<BenefitKomponen> units, string code, int n)
    {
        var removed = 0;
        for (var i = units.Count - 1; i >= 0 && removed < n; i--)
            if (units[i].Code == code) { units.RemoveAt(i); removed++; }
        return removed > 0;
    }

    /// <summary>Keeps the <paramref name="max"/> highest-paid units that match; drops the rest of them.</summary>
    private static bool Keep(List<BenefitKomponen> units, Func<BenefitKomponen, bool> which, int max)
    {
        var drop = units.Where(which).OrderByDescending(u => u.PerTahap).Skip(max).ToList();
        foreach (var d in drop) units.Remove(d);
        return drop.Count > 0;
    }

    /// <summary>"2 × Rp225.000 + 1 × Rp375.000 = Rp825.000 per tahap (Rp3.300.000 per tahun)".</summary>
    public static string Arithmetic(BenefitFigure f)
    {
        if (f.Counted.Count == 0) return KnowledgeTexts.BenefitNothingCounted;
        var parts = f.Counted.GroupBy(k => k.Code).Select(g => $"{g.Count()} × {KnowledgeTexts.Rupiah(g.First().PerTahap)}");
        return $"{string.Join(" + ", parts)} = {KnowledgeTexts.Rupiah(f.PerTahap)} per tahap ({KnowledgeTexts.Rupiah(f.PerTahun)} per tahun)";
    }

    /// <summary>The whole reply body: who is counted, the arithmetic, what trimmed a count, other readings, the hedge.</summary>
    /// <param name="tahap">How many tahap the question adds up ("tahap 3 sama tahap 4"): their sum is shown too.</param>
    /// <param name="monthsPerTahap">Set when a month's share was asked ("sebulan dapat berapa"): the tahap's months.</param>
    public static string Describe(BenefitEstimate e, int tahap = 1, int? monthsPerTahap = null)
    {
        var lines = new List<string>();
        var who = e.Figure.Counted.GroupBy(k => k.Code).Select(g => $"{g.Count()} {g.First().Name}").ToList();
        if (who.Count > 0) lines.Add(KnowledgeTexts.BenefitCounted(string.Join(", ", who)));
        lines.Add(Arithmetic(e.Figure) + ".");
        if (tahap > 1 && e.Figure.Counted.Count > 0) lines.Add(KnowledgeTexts.BenefitForTahap(tahap, e.Figure.PerTahap));
        if (monthsPerTahap is > 0 and var months && e.Figure.Counted.Count > 0) lines.Add(KnowledgeTexts.BenefitPerMonth(e.Figure.PerTahap, months));
        lines.AddRange(e.Notes.Select(n => "• " + n));
        lines.AddRange(e.Alternatives.Select(a => "• " + KnowledgeTexts.BenefitAlternative(a.Reading, a.Figure.PerTahap, a.Figure.PerTahun)));
        if (e.Hedged) lines.Add(KnowledgeTexts.BenefitHedge);
        return string.Join("\n", lines);
    }
}
