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

    /// <summary>Each case a rule of the sixth round: the word form, the asked year, the calendar day, another programme, one's own case.</summary>
    [Theory]
    // Whichever prefix the question uses, the root is the same.
    [InlineData("siapa yang menetapkan keluarga jadi penerima pkh", "Kemensos")]
    // A figure of a year the facts give is answered with that year; a schedule holds every year.
    [InlineData("angka kemiskinan bojonegoro tahun 2023 berapa persen", "2023")]
    [InlineData("tahap 1 tahun 2027 kapan cair", "Januari")]
    // Another programme the facts speak of is answered from the entry that names it.
    [InlineData("bisa dapat PKH dan BPNT sekaligus?", "BPNT")]
    // A neighbour paid and the asker not yet is a why-question, not the asker's own status.
    [InlineData("tetangga sudah cair saya belum", "Sumber")]
    public void Is_answered_from_the_entry_that_says_it(string question, string expected)
    {
        var answer = Service.Value.AnswerOffline(question);
        Assert.True(answer.Answered, answer.Body);
        Assert.Contains(expected, answer.Text);
    }

    [Theory]
    // A figure asked for a year the facts do not give.
    [InlineData("PKH th 2017 dulu anak SMP dapat berapa ya?", "171")]
    [InlineData("KPM PKH Bojonegoro 2026 jumlahnya berapa?", "171")]
    [InlineData("tahun 2030 nominal PKH anak SD naik ga?", "171")]
    // The calculator's table holds its own years' amounts, not 2019's; money for a komponen is a PKH question (171, not the scope text).
    [InlineData("tahun 2019 dulu lansia setahun dapat berapa", "171")]
    // "P2K2 sebulan sekali" says how often the group meets, not on which date next month: that is the pendamping's.
    [InlineData("pertemuan P2K2 kelompok saya bulan depan tanggal berapa?", "pendamping")]
    // A PKH rule alone does not answer what the question says of another programme.
    [InlineData("anakku lulus SMA arep kuliah, nek keluarga PKH otomatis oleh KIP Kuliah ora?", "171")]
    [InlineData("uang pkh bisa buat jaminan pinjam uang di bank ga", "171")]
    // The asker's own case, asked as "sudah ... belum", is in no document.
    [InlineData("sanggahan yang saya kirim kemarin sudah diverifikasi belum?", "cekbansos")]
    [InlineData("usulan PKH ku wis disetujui durung bu?", "cekbansos")]
    public void Gets_belum_tahu_with_where_to_ask_not_a_nearby_rule(string question, string pointer)
    {
        var answer = Service.Value.AnswerOffline(question);
        Assert.False(answer.Answered, answer.Body);
        Assert.Contains(pointer, answer.Body);
    }
}
