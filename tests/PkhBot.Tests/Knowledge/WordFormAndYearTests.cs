using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

/// <summary>A root met with another prefix is the same word; a question about one year is not answered with another year's figure.</summary>
public sealed class WordFormAndYearTests
{
    private static readonly Lazy<KnowledgeService> Service = new(() => KnowledgeService.CreateOffline());

    [Theory]
    [InlineData("menetapkan", "ditetapkan")]
    [InlineData("memotong", "potongan")]
    [InlineData("menambah", "tambahan")]
    [InlineData("menunggu", "tunggu")]
    [InlineData("penerima", "diterima")]
    public void A_prefix_that_swallowed_the_root_s_first_letter_stems_like_the_root(string nasal, string plain)
    {
        var index = Service.Value.Index;
        Assert.Equal(index.Analyze(plain).Single(), index.Analyze(nasal).Single());
    }

    [Fact]
    public void A_word_whose_restored_root_the_knowledge_base_lacks_keeps_its_own_stem()
    {
        // "mengambil" is meng + ambil, not meng + kambil: the root as stemmed is known, so nothing is restored.
        var index = Service.Value.Index;
        Assert.Equal(index.Analyze("diambil").Single(), index.Analyze("mengambil").Single());
    }

    [Fact]
    public void Who_decides_is_answered_whichever_prefix_the_question_uses()
    {
        var answer = Service.Value.AnswerOffline("siapa yang menetapkan keluarga jadi penerima pkh");
        Assert.True(answer.Answered, answer.Body);
        Assert.Contains("Kemensos", answer.Body);
    }

    [Theory]
    [InlineData("PKH th 2017 dulu anak SMP dapat berapa ya?")]
    [InlineData("KPM PKH Bojonegoro 2026 jumlahnya berapa?")]
    [InlineData("tahun 2030 nominal PKH anak SD naik ga?")]
    public void A_figure_asked_for_a_year_the_facts_do_not_give_gets_belum_tahu(string question)
    {
        var answer = Service.Value.AnswerOffline(question);
        Assert.False(answer.Answered, answer.Body);
        Assert.Contains("171", answer.Body);
    }

    [Fact]
    public void A_figure_asked_for_a_year_the_facts_give_is_answered_with_that_year()
    {
        var answer = Service.Value.AnswerOffline("angka kemiskinan bojonegoro tahun 2023 berapa persen");
        Assert.True(answer.Answered, answer.Body);
        Assert.Contains("2023", answer.Body);
    }

    [Fact]
    public void A_schedule_holds_every_year()
    {
        var answer = Service.Value.AnswerOffline("tahap 1 tahun 2027 kapan cair");
        Assert.True(answer.Answered, answer.Body);
        Assert.Contains("Januari", answer.Body);
    }

    [Fact]
    public void Which_day_is_not_answered_with_how_often()
    {
        // "P2K2 sebulan sekali" says how often the group meets, not on which date next month: the group's schedule is the pendamping's.
        var answer = Service.Value.AnswerOffline("pertemuan P2K2 kelompok saya bulan depan tanggal berapa?");
        Assert.False(answer.Answered, answer.Body);
        Assert.Contains("pendamping", answer.Body);
    }

    [Theory]
    [InlineData("anakku lulus SMA arep kuliah, nek keluarga PKH otomatis oleh KIP Kuliah ora?")]
    [InlineData("uang pkh bisa buat jaminan pinjam uang di bank ga")]
    public void A_pkh_question_about_another_programme_is_not_answered_from_a_pkh_rule_alone(string question)
    {
        var answer = Service.Value.AnswerOffline(question);
        Assert.False(answer.Answered, answer.Body);
        Assert.Contains("171", answer.Body);
    }

    [Fact]
    public void A_pkh_question_naming_another_programme_the_facts_speak_of_is_answered()
    {
        var answer = Service.Value.AnswerOffline("bisa dapat PKH dan BPNT sekaligus?");
        Assert.True(answer.Answered, answer.Body);
        Assert.Contains("BPNT", answer.Body);
    }

    [Theory]
    [InlineData("sanggahan yang saya kirim kemarin sudah diverifikasi belum?")]
    [InlineData("usulan PKH ku wis disetujui durung bu?")]
    public void The_asker_s_own_case_asked_as_sudah_belum_gets_belum_tahu_with_cekbansos(string question)
    {
        var answer = Service.Value.AnswerOffline(question);
        Assert.False(answer.Answered, answer.Body);
        Assert.Contains("cekbansos", answer.Body);
    }

    [Fact]
    public void A_neighbour_paid_and_the_asker_not_yet_is_a_why_question_and_is_answered()
    {
        var answer = Service.Value.AnswerOffline("tetangga sudah cair saya belum");
        Assert.True(answer.Answered, answer.Body);
    }
}
