namespace PkhBot.Knowledge;

/// <summary>Every sentence the knowledge feature says, in one place.</summary>
public static class KnowledgeTexts
{
    public const string DontKnow =
        "Maaf, saya belum tahu jawaban pastinya untuk pertanyaan itu. Silakan tanya pendamping PKH Anda atau Dinas Sosial " +
        "Kabupaten Bojonegoro, hubungi call center Kemensos 171, atau cek status di cekbansos.kemensos.go.id.";

    public const string TanyaUsage =
        "Tulis pertanyaan setelah /tanya, misalnya:\n<code>/tanya anak SMP dapat berapa?</code>";

    public const string TanyaDescription = "Tanya aturan PKH (besaran, jadwal, kewajiban)";

    /// <summary>
    /// "Sumber: title › section (Tempo, 2025; Poskota, 2025 dll. · berlaku 2021-2025)": the names a person knows
    /// (sources.tsv resolves the fact sheet's codes when the content is loaded), never the codes themselves.
    /// </summary>
    public static string SourceLine(KnowledgeDocument doc, string section)
    {
        var own = doc.Sections.FirstOrDefault(s => s.Heading == section)?.Sources;
        var names = (string.IsNullOrEmpty(own) ? doc.Sources : own).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(n => n != "-").Distinct().ToList();
        var shown = names.Count == 0 ? "" : string.Join("; ", names.Take(3)) + (names.Count > 3 ? " dll." : "") + " · ";
        return $"Sumber: {doc.Title} › {section} ({shown}berlaku {doc.Year})";
    }

    /// <summary>What the bot can answer: the sentence both "not PKH" replies share.</summary>
    private const string Scope =
        "Saya hanya bisa menjawab pertanyaan seputar PKH (Program Keluarga Harapan): besaran dan hitungan bantuan, " +
        "jadwal pencairan, syarat dan kewajiban, cek status, pengaduan, graduasi.";

    /// <summary>A question not about PKH (weather, recipes, another programme): what the bot can do instead of "belum tahu".</summary>
    public const string OutOfScope =
        "Maaf, itu di luar PKH, jadi saya belum bisa menjawabnya. " + Scope + " Untuk hal lain atau program lain, " +
        "silakan tanya ke desa atau Dinas Sosial.";

    /// <summary>Another social assistance programme (BLT, PIP, BPNT, BPJS): the scope sentence, and who can answer instead.</summary>
    public const string OtherAid =
        "Maaf, itu bantuan atau program lain di luar PKH, jadi saya belum bisa menjawabnya. " + Scope + " Untuk program itu " +
        "silakan tanya ke desa, pendamping PKH atau Dinas Sosial Kabupaten Bojonegoro; pengaduan bansos Kemensos lewat call center 171.";

    /// <summary>"Rp1.350.000": thousands with dots, whatever the machine's culture.</summary>
    public static string Rupiah(long amount) => "Rp" + amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');

    public static string BenefitCounted(string who) => $"Perkiraan bantuan PKH untuk {who}:";

    /// <summary>"sebulan dapat berapa": the benefit is paid per tahap; a month's share is the tahap's divided by its months.</summary>
    public static string BenefitPerMonth(long perTahap, int months)
        => $"Dibagi {months} bulan: sekitar {Rupiah(perTahap / months)} per bulan (bantuan cair per tahap, bukan tiap bulan).";

    public static string BenefitForTahap(int tahap, long perTahap)
        => $"Untuk {tahap} tahap: {tahap} × {Rupiah(perTahap)} = {Rupiah(tahap * perTahap)}.";

    public const string BenefitNothingCounted = "Tidak ada komponen yang dihitung (Rp0)";

    public static string BenefitSamePerson(string rule, string higher) => $"{rule.TrimEnd('.')}: {higher}.";

    public static string BenefitTooYoung(int age, int min) => $"Umur {age} tahun belum masuk komponen lansia (minimal {min} tahun).";

    public static string BenefitAgeReading(int age, int max) => $"lansia umur {age} baru dihitung mulai {max} tahun";

    public static string BenefitPregnancyNotCounted(int order, string rule) => $"Kehamilan ke-{order} tidak dihitung. {rule}";

    public static string BenefitPregnancyReading(int order, string rule) => $"kehamilan ke-{order} tidak dihitung ({rule.TrimEnd('.')})";

    public static string BenefitImpliedPregnancy(int children, string rule)
        => $"ini kehamilan ke-{children + 1} atau lebih (sudah ada {children} anak), kehamilan tidak dihitung ({rule.TrimEnd('.')})";

    public static string BenefitCapped(string rule, int asked, int max) => $"{rule.TrimEnd('.')}: dihitung {max} dari {asked}.";

    public static string BenefitTrimmed(string rule, int asked, int max)
        => $"{rule.TrimEnd('.')}: dari {asked} komponen dihitung {max} yang nilainya terbesar (urutan prioritas ditetapkan Kemensos).";

    public static string BenefitUnverifiedYear(int year, int verified) => $"Besaran {year} belum diverifikasi; dipakai besaran {verified}.";

    public static string BenefitAlternative(string reading, long perTahap, long perTahun)
        => $"Bila {reading.TrimEnd('.')}: {Rupiah(perTahap)} per tahap ({Rupiah(perTahun)} per tahun).";

    public static string BenefitHint(string amounts)
        => "Besarnya tergantung komponen keluarga Anda. Per tahap (3 bulan): " + amounts + ". Tulis komponen keluarga Anda, " +
           "misalnya \"berapa untuk 2 anak SD dan 1 balita?\", nanti saya hitungkan. Jumlah akhir ditetapkan Kemensos; tanyakan pendamping.";

    public static string ChildrenCaps(int children, string perFamily, string earlyChildhood, string children3)
        => $"Tidak semua dari {children} anak dihitung. {perFamily} {earlyChildhood} {children3} Anak yang sudah lulus SMA atau kuliah " +
           "tidak dihitung. Tulis jenjang tiap anak (misalnya \"2 SD, 1 SMP\") untuk perkiraan jumlahnya, atau tanyakan pendamping.";

    public const string BenefitGraduated = "Anak yang sudah lulus tidak dihitung lagi untuk jenjang itu.";

    public const string BenefitPastSchool = "Anak yang sudah kuliah tidak dihitung (komponen pendidikan sampai SMA sederajat).";

    public const string BenefitHedge = "Perkiraan; jumlah akhir ditetapkan Kemensos, tanyakan pendamping.";

    public const string BenefitSourceTitle = "Besaran komponen PKH";
    public const string BenefitSourceSection = "Hitungan bantuan";

    public static string BenefitSourceLine(string source) => $"Sumber: Besaran komponen PKH ({source}) · hitungan bot";

    /// <summary>The /kpm card's line: the household's estimate from its komponen counts.</summary>
    public static string BenefitCardLine(BenefitEstimate e)
        => e.Figure.Counted.Count == 0 ? "Perkiraan bantuan: tidak ada komponen yang dihitung."
            : $"Perkiraan bantuan: {BenefitCalculator.Arithmetic(e.Figure)}{(e.Hedged ? " (perkiraan; jumlah akhir ditetapkan Kemensos)" : "")}.";

    /// <summary>The LLM prompt's own signal for "the passages do not answer this".</summary>
    public const string LlmDontKnowMarker = "TIDAK_TAHU";
}
