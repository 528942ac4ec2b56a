using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

/// <summary>The benefit calculator: komponen counts read from a question, the rules of benefits.tsv, the arithmetic shown.</summary>
public sealed class BenefitCalculatorTests
{
    private static readonly Lazy<KnowledgeService> Service = new(() => KnowledgeService.CreateOffline());
    private static KnowledgeIndex Index => Service.Value.Index;

    private static BenefitEstimate Estimate(string question, int year = 2025)
    {
        var family = Index.Families!.Parse(Index.Normalizer.Words(question).ToList());
        Assert.NotNull(family);
        return Index.Calculator!.Estimate(family, year);
    }

    [Theory]
    [InlineData("2 anak SD dan 1 SMP dapat berapa per tahap?", 825_000)]
    [InlineData("anakku loro SMP oleh piro", 750_000)]
    [InlineData("nenek lansia sama cucu SD sekali cair berapa", 825_000)]
    [InlineData("anak SMA siji, SMP siji, SD siji totalnya berapa setahun", 1_100_000)]
    [InlineData("mbah umur 80 karo balita 1 lan anak SMP 1 entuk piro", 1_725_000)]
    [InlineData("bumil ditambah balita siji berapa", 1_500_000)]
    [InlineData("bayi umur 8 bulan sama anak umur 10 tahun dapat berapa", 975_000)]
    [InlineData("3 anak: balita, SD, SMP, totalnya berapa", 1_350_000)]
    // An adult of lansia age is the lansia komponen; a child's age may stand four words after it.
    [InlineData("bapak mertua saya 72 tahun sama anak 1 SD sekali cair berapa", 825_000)]
    [InlineData("lagi hamil anak kedua, anak sulung saya umur 4 tahun, totalnya berapa", 1_500_000)]
    // A komponen named again without a count is the same child.
    [InlineData("anak saya SMP kelas 8, kalau setahun anak SMP itu totalnya berapa", 375_000)]
    public void Counts_in_digits_or_words_Indonesian_or_Javanese_give_the_total(string question, long perTahap)
    {
        var e = Estimate(question);
        Assert.Equal(perTahap, e.Figure.PerTahap);
        Assert.Equal(perTahap * 4, e.Figure.PerTahun);
    }

    [Theory]
    [InlineData("anak saya 3 semuanya SMP, per tahap dapat berapa", "Rp1.125.000 per tahap")]
    [InlineData("anakku telu kabeh SD, sak tahap oleh piro", "Rp675.000 per tahap")]
    [InlineData("tahap 2 sampai tahap 4, anak SD 2, totalnya berapa", "Untuk 3 tahap: 3 × Rp450.000 = Rp1.350.000")]
    [InlineData("saya baru melahirkan, bayi sama kakaknya SD, dapat berapa per tahap", "Rp1.725.000 per tahap")]
    [InlineData("anak pertama kuliah, adiknya SMP, setahun dapat berapa", "Rp1.500.000 per tahun")]
    // What the family does not have is left out; a child is named by its place among the others; an age and a level of one child.
    [InlineData("anak saya SMP satu, SD satu, saya tidak hamil dan tidak ada lansia, per tahap berapa", "Rp600.000 per tahap")]
    [InlineData("di rumah gak ada balita atau yang hamil, cuma anak SMA 1 sama SD 1, sekali cair berapa", "Rp725.000 per tahap")]
    [InlineData("yang kecil umur 3 tahun, kakaknya kelas 4 SD, sebulan eh per tahap berapa", "Rp975.000 per tahap")]
    [InlineData("si bungsu umur 5 tahun tapi sudah masuk kelas 1 SD, kakaknya SMA, per tahap dapat berapa", "Rp1.250.000 per tahap")]
    [InlineData("saya hamil anak kedua, anak pertama umur 2 tahun, simbah umur 75 ikut KK, per tahap brp", "Rp2.100.000 per tahap")]
    // A count then an age; an age then a level a few words on (one child); an age then a disability and no school.
    [InlineData("anak saya 1 SMP dan 1 umur 3 tahun, per tahap dapat berapa", "Rp1.125.000 per tahap")]
    [InlineData("anakku umur 5 tahun wis mlebu SD, mbakyune SMA, sak tahap oleh piro", "Rp1.250.000 per tahap")]
    [InlineData("anak umur 12 tahun disabilitas berat tidak sekolah, adiknya SD, setahun berapa", "Rp3.300.000 per tahun")]
    // A sign joins two people; a Javanese ordinal says which pregnancy; the family said again after "jadi" is the same people.
    [InlineData("lansia + 1 anak SMA, sekali cair brp", "Rp1.100.000 per tahap")]
    [InlineData("aku meteng anak katelu, anakku SD siji, sak tahap oleh piro", "Rp225.000 per tahap")]
    [InlineData("hamil anak kedua, anak pertama umur 3 tahun, jadi bumil dan 1 balita, per tahap berapa", "Rp1.500.000 per tahap")]
    // Counts after each komponen (the total before them is the total); a class alone is its level; a graduate, the deceased
    // and a pregnancy's months are no komponen; a newborn is; bare lansia ages; twins; a young disabled child; "2 tahap berapa".
    [InlineData("anakku papat: SMA 1, SMP 2, SD 1, per tahap berapa", "Rp1.475.000 per tahap")]
    [InlineData("ragil kelas 8, mbarep kelas 11, per tahap piro", "Rp875.000 per tahap")]
    [InlineData("anak pertama sudah lulus SMA kerja, adiknya SD, per tahap berapa", "Rp225.000 per tahap")]
    [InlineData("anak SD 1, nenek sudah meninggal, per tahap berapa", "Rp225.000 per tahap")]
    [InlineData("baru melahirkan anak kedua, kakaknya SD, sekali cair berapa", "Rp1.725.000 per tahap")]
    [InlineData("hamil anak kedua 5 bulan, anak pertama SD, per tahap berapa", "Rp975.000 per tahap")]
    [InlineData("nenek 76, kakek 79 ikut KK, anak SMP 1, per tahap berapa", "Rp1.575.000 per tahap")]
    [InlineData("anak kembar umur 3 tahun, per tahap berapa", "Rp1.500.000 per tahap")]
    [InlineData("anakku umur 4 tahun disabilitas berat, per tahap berapa", "Rp750.000 per tahap")]
    [InlineData("anak SD kelas 3 disabilitas berat, adiknya balita, per tahap berapa", "Rp1.350.000 per tahap")]
    [InlineData("anak SMA 1 dan SD 1, 2 tahap berapa", "Untuk 2 tahap: 2 × Rp725.000 = Rp1.450.000")]
    // A month's share is the tahap's divided by its three months.
    [InlineData("lansia 1, sebulan dapat berapa", "sekitar Rp200.000 per bulan")]
    // One komponen's money for a period is the table's, not a passage that shares "cair" ("cairnya cuma 2 bulan").
    [InlineData("bumil sekali cair oleh piro?", "Rp750.000 per tahap")]
    public void Families_told_in_passing_are_read_all_at_one_level_a_new_mother_a_range_of_tahap_a_student(string question, string expected)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered, a.Body);
        Assert.Contains(expected, a.Body);
    }

    [Theory]
    // The same level twice in a list is two children, and so is each child named as a child.
    [InlineData("anak 3: SMA, SMA, SMP, per tahap berapa", "Rp1.375.000 per tahap")]
    [InlineData("anak SD kls 2, anak SD kls 5, per tahap berapa", "Rp450.000 per tahap")]
    // An order, a sibling or "ada" between two komponen is another person, whatever link word stands there too.
    [InlineData("yang pertama SMA kelas 10, yang kedua SMP, per tahap berapa", "Rp875.000 per tahap")]
    [InlineData("anak kembar umur 2 tahun, yang mbarep SD kelas 3, per tahap berapa", "Rp1.725.000 per tahap")]
    [InlineData("hamil anak kedua, di KK juga ada mbah umur 75, per tahap berapa", "Rp1.350.000 per tahap")]
    // A class after an age says the level; a bare age after a level that had its own age is the next child.
    [InlineData("anak 12 th kls 7, anak 9 th kls 3, per tahap berapa", "Rp600.000 per tahap")]
    [InlineData("anak 10 th kelas 4 SD, 3 th TK, 1 th. per tahap berapa", "Rp1.725.000 per tahap")]
    // A count after a komponen is its own; a count right before a level is that level's.
    [InlineData("anakku balita loro, karo mbarep SMP, sak tahap oleh piro", "Rp1.875.000 per tahap")]
    [InlineData("anak saya 2 SMP semua, sama 1 adiknya SD, per tahap berapa", "Rp975.000 per tahap")]
    [InlineData("SD 1, siji maneh umur 3 taun, sak tahap piro", "Rp975.000 per tahap")]
    // What the family was is not what it is.
    [InlineData("mbah saya meninggal tahun lalu, dulu masuk lansia. sekarang anak SD 1, per tahap berapa", "Rp225.000 per tahap")]
    // One disabled child: the higher komponen, also when the disability is told at length or the sum asked after "komponen".
    [InlineData("anak SD kelas 3 tapi dia disabilitas berat, cuma dia yang masuk komponen. berapa per tahap?", "Rp600.000 per tahap")]
    [InlineData("anakku umur 5 tahun, lumpuh ora iso mlaku, disabilitas berat. setahun oleh piro", "Rp750.000 per tahap")]
    // "dana" reads as "besaran": a desa named beside "berapa" is no "dana desa".
    [InlineData("di desa saya anak SD 2 dapat berapa per tahap", "Rp450.000 per tahap")]
    public void Lists_siblings_ages_before_levels_and_past_members_are_read_person_by_person(string question, string expected)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered, a.Body);
        Assert.Contains(expected, a.Body);
    }

    [Fact]
    public void A_child_at_university_is_named_as_not_counted()
        => Assert.Contains("kuliah tidak dihitung", Service.Value.AnswerOffline("anak pertama kuliah, adiknya SMA, setahun dapat berapa").Body);

    [Fact]
    public void Whether_two_people_are_both_counted_is_answered_with_who_counts_and_the_uncertain_cap()
    {
        var a = Service.Value.AnswerOffline("bapak saya lansia 70 tahun dan adik saya disabilitas berat, dua-duanya dihitung?");
        Assert.Contains("Rp1.200.000 per tahap", a.Body);
        Assert.Contains("maksimal 1", a.Body);
        Assert.Contains("Perkiraan", a.Body);
    }

    [Fact]
    public void The_answer_shows_the_arithmetic_per_tahap_and_per_year_and_names_a_source_people_know()
    {
        var a = Service.Value.AnswerOffline("2 anak SD dan 1 SMP dapat berapa per tahap?");

        Assert.True(a.Answered);
        Assert.Contains("2 × Rp225.000 + 1 × Rp375.000 = Rp825.000 per tahap (Rp3.300.000 per tahun)", a.Body);
        Assert.Equal("Sumber: Besaran komponen PKH (Kemensos, 2025) · hitungan bot", a.SourceLine);
        Assert.True(KnowledgeReply.ToHtml(a).Length <= KnowledgeReply.MaxChars + 20);
    }

    [Fact]
    public void A_sure_rule_trims_the_count_and_says_so()
    {
        var balita = Estimate("balita 3 dapat berapa");
        Assert.Equal(1_500_000, balita.Figure.PerTahap);
        Assert.Contains(balita.Notes, n => n.Contains("paling banyak 2", StringComparison.Ordinal) && n.Contains("2 dari 3", StringComparison.Ordinal));

        var third = Estimate("saya hamil anak ketiga, sama 1 anak SD dapat berapa");
        Assert.Equal(225_000, third.Figure.PerTahap);
        Assert.Contains(third.Notes, n => n.Contains("Kehamilan ke-3 tidak dihitung", StringComparison.Ordinal));

        var five = Estimate("ibu hamil, 2 balita, 1 SMA dan 1 SMP totalnya berapa");
        Assert.Equal(2_750_000, five.Figure.PerTahap);
        Assert.Equal(4, five.Figure.Counted.Count);
        Assert.Contains(five.Notes, n => n.Contains("dari 5 komponen dihitung 4", StringComparison.Ordinal));
    }

    [Fact]
    public void One_person_in_two_komponen_counts_once_with_the_higher_amount()
    {
        var e = Estimate("anak SMP yang juga disabilitas berat dan 1 balita dapat berapa");
        Assert.Equal(1_350_000, e.Figure.PerTahap);
        Assert.Contains(e.Notes, n => n.Contains("penyandang disabilitas berat", StringComparison.Ordinal));
    }

    [Fact]
    public void An_uncertain_rule_never_decides_alone_the_figure_without_and_with_it_is_shown_and_hedged()
    {
        // "max 3 children" is C-rated in benefits.tsv: 2 balita + 2 SD = 4 komponen, 3 if the rule holds.
        var e = Estimate("2 balita dan 2 anak SD dapat berapa");
        Assert.Equal(1_950_000, e.Figure.PerTahap);
        Assert.Contains(e.Alternatives, a => a.Figure.PerTahap == 1_725_000);
        Assert.True(e.Hedged);
        Assert.Contains(KnowledgeTexts.BenefitHedge, BenefitCalculator.Describe(e));

        var lansia65 = Estimate("mbah umur 65 sama anak SD berapa");
        Assert.Equal(825_000, lansia65.Figure.PerTahap);
        Assert.Contains(lansia65.Alternatives, a => a.Figure.PerTahap == 225_000);
        Assert.Empty(Estimate("mbah umur 75 sama anak SD berapa").Alternatives);
        Assert.Equal(225_000, Estimate("mbah umur 50 sama anak SD berapa").Figure.PerTahap);

        // Her third pregnancy is only implied by two children of hers: both figures.
        var implied = Estimate("saya hamil, anak saya 2 SD, dapat berapa");
        Assert.Equal(1_200_000, implied.Figure.PerTahap);
        Assert.Contains(implied.Alternatives, a => a.Figure.PerTahap == 450_000);
    }

    [Fact]
    public void Amounts_of_a_year_nobody_verified_are_an_estimate()
    {
        Assert.False(Estimate("2 anak SD dan 1 SMP dapat berapa", 2025).Hedged);
        var later = Estimate("2 anak SD dan 1 SMP dapat berapa", 2026);
        Assert.True(later.Hedged);
        Assert.Contains(later.Notes, n => n.Contains("Besaran 2026 belum diverifikasi", StringComparison.Ordinal));
    }

    [Fact]
    public void Amounts_and_rules_come_from_the_data_file_Dinsos_edits()
    {
        var lines = File.ReadAllLines(Path.Combine(KnowledgeContent.DefaultPath, BenefitTable.FileName))
            .Select(l => l.StartsWith("komponen\tsd\t", StringComparison.Ordinal) ? l.Replace("\t225000\t", "\t300000\t", StringComparison.Ordinal) : l)
            .Select(l => l.StartsWith("aturan\tmaks_anak\t", StringComparison.Ordinal) ? l.Replace("\tC\t", "\tA\t", StringComparison.Ordinal) : l);
        var table = BenefitTable.Parse(lines);
        var family = new FamilyParser(table).Parse(Index.Normalizer.Words("2 balita dan 2 anak SD berapa").ToList())!;

        var e = new BenefitCalculator(table).Estimate(family, 2025);

        // SD now Rp300.000, and the children cap, now rated A, trims instead of offering a second figure.
        Assert.Equal(1_800_000, e.Figure.PerTahap);
        Assert.Empty(e.Alternatives);
        Assert.Throws<InvalidDataException>(() => BenefitTable.Parse(lines.Where(l => !l.StartsWith("aturan\tmaks_aud", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_rule_question_without_the_family_s_counts_is_still_answered_from_the_documents()
    {
        var a = Service.Value.AnswerOffline("anak SD dapat berapa?");
        Assert.Contains("Rp225.000", a.Body);
        Assert.DoesNotContain("×", a.Body);
        Assert.DoesNotContain("hitungan bot", a.SourceLine);
    }

    [Theory]
    [InlineData("berapa yang saya dapat?")]
    [InlineData("aku oleh piro to bu")]
    public void How_much_do_I_get_without_komponen_gets_the_amounts_and_how_to_ask_for_the_sum(string question)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered);
        Assert.Contains("tergantung komponen keluarga", a.Body);
        Assert.Contains("anak SD Rp225.000", a.Body);
        Assert.Contains("2 anak SD dan 1 balita", a.Body);
    }

    [Fact]
    public void More_children_than_any_cap_without_their_levels_get_the_caps_not_a_yes()
    {
        var a = Service.Value.AnswerOffline("anak saya 5, semua sekolah, apa semua dapat?");
        Assert.True(a.Answered);
        Assert.StartsWith("Tidak semua dari 5 anak dihitung.", a.Body);
        Assert.Contains("paling banyak 4 komponen", a.Body);
        Assert.Contains("belum pasti", a.Body);
        Assert.False(Service.Value.AnswerOffline("saya dapat gaji berapa dari kantor").Answered);
    }

    [Fact]
    public void More_children_than_the_levels_named_get_the_caps_and_being_counted_is_not_a_sum()
    {
        var caps = Service.Value.AnswerOffline("anak saya lima, ada SD SMP SMA, apa dihitung semua?");
        Assert.StartsWith("Tidak semua dari 5 anak dihitung.", caps.Body);

        var counted = Service.Value.AnswerOffline("balita saya umur 1 tahun kok belum masuk hitungan pkh");
        Assert.DoesNotContain("×", counted.Body);   // "masuk hitungan" asks why it is not counted, not for a sum
    }

    [Theory]
    [InlineData("anak SMP cuma 1, tahap 1 sama tahap 2 dijumlah berapa", "Untuk 2 tahap: 2 × Rp375.000 = Rp750.000.")]
    [InlineData("balita 1 dan SD 1, tiga tahap dapat berapa", "Untuk 3 tahap: 3 × Rp975.000 = Rp2.925.000.")]
    public void Several_tahap_asked_together_are_added_up(string question, string line)
        => Assert.Contains(line, Service.Value.AnswerOffline(question).Body);

    [Fact]
    public void A_household_s_recorded_counts_give_the_same_estimate()
    {
        var e = Index.Calculator!.Estimate(Family.FromCounts(0, 3, 1, 0, 0, 0, 0), 2025);
        Assert.Equal(1_725_000, e.Figure.PerTahap);
        Assert.StartsWith("Perkiraan bantuan: 2 × Rp750.000 + 1 × Rp225.000 = Rp1.725.000 per tahap", KnowledgeTexts.BenefitCardLine(e));
    }
}
