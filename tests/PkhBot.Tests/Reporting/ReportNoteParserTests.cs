using PkhBot.Reporting;

namespace PkhBot.Tests.Reporting;

public sealed class ReportNoteParserTests
{
    /// <summary>Monday 17 November 2025, 08:00 WIB.</summary>
    private static readonly DateTimeOffset Received = new(2025, 11, 17, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>note, category, expected monthly income, expected attendance %, expected event date (yyyy-MM-dd, WIB), follow-up days, business months.</summary>
    public static TheoryData<string, string?, long?, int?, string, int?, int?> Notes => new()
    {
        { "buka warung kopi, omzet 1,5jt/bln", "usaha", 1_500_000, null, "2025-11-17", null, null },
        { "omzet 1.5 jt sebulan", "usaha", 1_500_000, null, "2025-11-17", null, null },
        { "penghasilan Rp 1.500.000 per bulan", "usaha", 1_500_000, null, "2025-11-17", null, null },
        { "gaji suami Rp1.500.000,- diterima kemarin", "usaha", 1_500_000, null, "2025-11-16", null, null },
        { "jualan gorengan, untung 800rb", "usaha", 800_000, null, "2025-11-17", null, null },
        { "penghasilan 800 ribu sebulan", "usaha", 800_000, null, "2025-11-17", null, null },
        { "omzet naik jadi 1.2 juta", "usaha", 1_200_000, null, "2025-11-17", null, null },
        { "pendapatan 2 juta per bulan", "ekonomi", 2_000_000, null, "2025-11-17", null, null },
        { "jual pulsa, untung 150k seminggu", "usaha", 600_000, null, "2025-11-17", null, null },
        { "omzet 50rb/hari", "usaha", 1_300_000, null, "2025-11-17", null, null },
        { "sehari bisa dapat 75 ribu dari jualan sayur", "usaha", 1_950_000, null, "2025-11-17", null, null },
        { "hasil panen Rp 12.000.000 setahun", "usaha", 1_000_000, null, "2025-11-17", null, null },
        { "modal dari KUBE Rp 2.000.000, omzet 3 jt/bln", "usaha", 3_000_000, null, "2025-11-17", null, null },
        { "bayar cicilan 500rb tiap bulan belum sanggup", "kendala", null, null, "2025-11-17", null, null },
        { "Rp 750.000 bantuan PKH sudah cair", "kunjungan", null, null, "2025-11-17", null, null },
        { "omzet 1.500.000", "usaha", 1_500_000, null, "2025-11-17", null, null },
        { "penghasilan 50000 sehari", "usaha", 1_300_000, null, "2025-11-17", null, null },
        { "Bu Siti Aminah sudah buka warung, omzet sekitar 1,5 juta sebulan", "usaha", 1_500_000, null, "2025-11-17", null, null },
        { "usaha warung sudah berjalan 8 bulan, omzet 2,5 juta", "usaha", 2_500_000, null, "2025-11-17", null, 8 },
        { "usaha jahit jalan 1 tahun, penghasilan 2.6jt", "usaha", 2_600_000, null, "2025-11-17", null, 12 },
        { "anak SD hadir 90%", "pendidikan", null, 90, "2025-11-17", null, null },
        { "kehadiran 85 persen bulan ini", "pendidikan", null, 85, "2025-11-17", null, null },
        { "Rudi kelas 4 SD masuk 95% bulan oktober", "pendidikan", null, 95, "2025-11-17", null, null },
        { "Absen 3 hari, sisanya ok, 80%", "pendidikan", null, 80, "2025-11-17", null, null },
        { "hadir 100% tgl 14", "pendidikan", null, 100, "2025-11-14", null, null },
        { "kunjungan rumah tadi pagi", "kunjungan", null, null, "2025-11-17", null, null },
        { "kunjungan hari ini, keluarga sehat", "kunjungan", null, null, "2025-11-17", null, null },
        { "posyandu tgl 5, balita ditimbang", "kesehatan", null, null, "2025-11-05", null, null },
        { "periksa kehamilan di puskesmas 12/11", "kesehatan", null, null, "2025-11-12", null, null },
        { "ikut P2K2 12-11-2025 modul keuangan", "p2k2", null, null, "2025-11-12", null, null },
        { "kunjungan hari Jumat, rumah kosong", "kunjungan", null, null, "2025-11-14", null, null },
        { "senin lalu imunisasi balita", "kesehatan", null, null, "2025-11-10", null, null },
        { "3 hari lalu ke puskesmas", "kesehatan", null, null, "2025-11-14", null, null },
        { "minggu lalu ikut pertemuan kelompok", "p2k2", null, null, "2025-11-10", null, null },
        { "kemarin lusa ke posyandu", "kesehatan", null, null, "2025-11-15", null, null },
        { "12 Nov sudah periksa ke bidan", "kesehatan", null, null, "2025-11-12", null, null },
        { "tgl 20 ke puskesmas", "kesehatan", null, null, "2025-10-20", null, null },
        { "imunisasi 30/12", "kesehatan", null, null, "2024-12-30", null, null },
        { "Sabtu kmrn dikunjungi", "kunjungan", null, null, "2025-11-15", null, null },
        { "kendala KKS hilang, perlu diurus 7 hari", "kendala", null, null, "2025-11-17", 7, null },
        { "anak putus sekolah, tindak lanjut 2 minggu", "masalah", null, null, "2025-11-17", 14, null },
        { "sudah 3 hari tidak sekolah, target selesai dalam 10 hari", "kendala", null, null, "2025-11-17", 10, null },
        { "lansia sakit sejak 2 hari yang lalu", "kendala", null, null, "2025-11-15", null, null },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void A_note_is_parsed_into_its_values(string note, string? category, long? income, int? attendance, string date, int? followUpDays, int? businessMonths)
    {
        var parsed = ReportNoteParser.Parse(note, Received, ReportCategories.Parse(category));

        Assert.Equal(income, parsed.IncomeRupiah);
        Assert.Equal(attendance, parsed.AttendancePercent);
        Assert.Equal(date, Wib.ToWib(parsed.EventAt).ToString("yyyy-MM-dd"));
        Assert.True(parsed.EventAt <= Received);
        if (category is "kendala" or "masalah") Assert.Equal(followUpDays, parsed.FollowUpDays);
        Assert.Equal(businessMonths, parsed.BusinessMonths);
    }

    [Fact]
    public void A_note_without_a_date_keeps_the_received_time()
        => Assert.Equal(Received, ReportNoteParser.Parse("kunjungan rutin", Received).EventAt);

    [Fact]
    public void A_past_day_without_a_time_is_noon_WIB()
        => Assert.Equal(new DateTimeOffset(2025, 11, 16, 12, 0, 0, TimeSpan.FromHours(7)), ReportNoteParser.Parse("kemarin ke posyandu", Received).EventAt);

    [Fact]
    public void A_date_in_the_future_is_ignored()
        => Assert.Equal(Received, ReportNoteParser.Parse("posyandu 20-12-2025", Received).EventAt);

    [Theory]
    [InlineData("usaha", ReportCategory.Usaha)]
    [InlineData("USAHA", ReportCategory.Usaha)]
    [InlineData("ekonomi", ReportCategory.Usaha)]
    [InlineData("usaha/ekonomi", ReportCategory.Usaha)]
    [InlineData("usha", ReportCategory.Usaha)]
    [InlineData("kendla", ReportCategory.Kendala)]
    [InlineData("masalah", ReportCategory.Kendala)]
    [InlineData("Pendidkan", ReportCategory.Pendidikan)]
    [InlineData("kesehatn", ReportCategory.Kesehatan)]
    [InlineData("P2K2", ReportCategory.P2k2)]
    [InlineData("kunjugan", ReportCategory.Kunjungan)]
    [InlineData("graduasi", ReportCategory.Graduasi)]
    public void Category_words_are_tolerant_of_case_and_small_typos(string word, ReportCategory expected)
        => Assert.Equal(expected, ReportCategories.Parse(word));

    [Theory]
    [InlineData("warung")]
    [InlineData("siti")]
    [InlineData("")]
    public void Other_words_are_not_categories(string word) => Assert.Null(ReportCategories.Parse(word));
}
