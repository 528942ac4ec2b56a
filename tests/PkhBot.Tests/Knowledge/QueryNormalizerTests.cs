using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

/// <summary>How phone-typed questions are normalised before the search (slang.txt, splits, dropped vowels).</summary>
public sealed class QueryNormalizerTests
{
    private static readonly Lazy<KnowledgeIndex> Index = new(() => KnowledgeIndex.Load(KnowledgeContent.DefaultPath));

    private static string Words(string text) => string.Join(' ', Index.Value.Normalizer.Words(text));

    [Theory]
    [InlineData("tahap2", "tahap 2")]
    [InlineData("anak2", "anak")]
    [InlineData("300rb", "300 ribu")]
    [InlineData("3jt", "3 juta")]
    [InlineData("2,4jt", "24 juta")]
    [InlineData("3x", "3 kali")]
    public void Letters_and_digits_typed_together_are_split_and_repeats_folded(string typed, string expected)
        => Assert.Equal(expected, Words(typed));

    [Theory]
    [InlineData("gk", "tidak")]
    [InlineData("ora", "tidak")]
    [InlineData("durung", "belum")]
    [InlineData("brp", "berapa")]
    [InlineData("piro", "berapa")]
    [InlineData("gmn", "bagaimana")]
    [InlineData("piye", "bagaimana")]
    [InlineData("kapaaan", "kapan")]
    [InlineData("pkhcair", "pkh cair")]
    [InlineData("hmil", "hamil")]
    [InlineData("syrat", "syarat")]
    [InlineData("anaksd", "anak sd")]
    [InlineData("makan", "makan")]            // not "ma" (madrasah aliyah) + "kan"
    [InlineData("simbokku", "ibu")]           // the ending found, then the standard word
    [InlineData("wiwit", "mulai")]
    [InlineData("ngusulin", "usul")]          // spoken verb forms: ng-/ny- and -in around a known word
    [InlineData("nyairin", "cair")]
    [InlineData("nginep", "nginep")]          // a short base ("inep") is never taken
    [InlineData("tinggal", "tinggal")]        // a real word is not "corrected" into another: i/a are far apart ("tanggal")
    [InlineData("merantau", "merantau")]      // r/m far apart: not "memantau"
    [InlineData("pendampimg", "pendamping")]  // m/n are neighbours on the keyboard: a slip
    [InlineData("dua2nya", "dua")]            // a repeated word with an ending
    [InlineData("berjualan", "berjualan")]    // an everyday word (words.txt) is never a slip: not "berjalan"
    [InlineData("perangkat", "perangkat")]    // not "peringkat"
    [InlineData("kandang", "kandang")]        // not "kadang"
    [InlineData("perantau", "perantau")]      // not split into "peran tau"
    [InlineData("lairan", "lahiran")]         // the spoken spelling of a programme word is still that word
    [InlineData("mergo", "karena")]           // Javanese function words have their standard word
    [InlineData("diantar", "diantar")]        // a phone spelling is no second piece of a split: not "dia" + "ntar" (nanti)
    [InlineData("blmcair", "belum cair")]     // but a first one is
    public void Abbreviations_Javanese_stretched_and_run_together_words_become_standard_words(string typed, string expected)
        => Assert.Equal(expected, Words(typed));

    [Fact]
    public void Words_that_tell_a_story_but_carry_no_topic_are_dropped()
        => Assert.Equal("tetangga sd saya", Words("kemarin tetangga sebelah bilang sd, saya bingung"));

    [Fact]
    public void Greetings_and_thanks_around_a_question_are_dropped()
        => Assert.Equal("sd", Index.Value.Normalizer.ExpandParts("assalamualaikum bu, maaf mau tanya sd, matur suwun").Original);

    [Theory]
    [InlineData("anak sd dpt brp", true)]
    [InlineData("sd oleh piro", true)]
    [InlineData("umur brp lansia", false)]
    [InlineData("setahun cair brp kali", false)]
    [InlineData("pendamping bjn ada brp", false)]
    [InlineData("anak SMP per tahap brp", true)]      // a period opened by "per" asks money
    [InlineData("cair tahap berapa", false)]          // which tahap
    [InlineData("kpm pkh bojonegoro tahun 2025 brp", false)]
    public void Berapa_asks_for_money_unless_it_counts_something(string question, bool money)
        => Assert.Equal(money, QueryNormalizer.AsksForAmount(Index.Value.Normalizer.Words(question).ToList()));

    [Theory]
    [InlineData("blt dana desa cair kapan", false)]
    [InlineData("kip kuliah daftarnya gmn", false)]
    [InlineData("kipkuliah dibuka kpn", false)]
    [InlineData("cara daftar kartu prakerja", false)]
    [InlineData("pinjol yg aman apa", false)]
    [InlineData("pkh dan blt cair bareng gk", true)]
    [InlineData("pkh cair kapan", true)]
    [InlineData("di desa saya anak SD dapat berapa", true)]   // "dana" reads as "besaran", as "berapa" does: no "dana desa" named
    public void A_question_naming_another_programme_and_not_PKH_is_out_of_scope(string question, bool aboutPkh)
        => Assert.Equal(aboutPkh, Index.Value.IsAboutPkh(Index.Value.QueryTerms(question), Index.Value.Normalizer.Words(question).ToList()));

    [Theory]
    [InlineData("pkh dimulai sejak tahun berapa", false)]
    [InlineData("smp per tahun berapa", true)]
    [InlineData("anak sd dapat berapa", true)]
    [InlineData("setahun cair berapa kali", false)]
    public void Berapa_asks_for_money_unless_it_asks_for_a_year_or_a_count(string question, bool money)
        => Assert.Equal(money, QueryNormalizer.AsksForAmount(Index.Value.Normalizer.Words(question).ToList()));

    [Theory]
    [InlineData("balitaku ono telu", "ada")]
    [InlineData("melu komponen lansia", "ikut")]
    [InlineData("oleh piro sak tahap", "per")]
    public void Everyday_Javanese_words_are_read_as_their_Indonesian_word(string typed, string word)
        => Assert.Contains(word, Index.Value.Normalizer.Words(typed));
}
