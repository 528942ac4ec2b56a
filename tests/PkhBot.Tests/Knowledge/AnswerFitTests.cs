using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

/// <summary>An answer must fit the question's kind and subject; when none fits the bot abstains. Out of scope is not "unknown".</summary>
public sealed class AnswerFitTests : IDisposable
{
    private static readonly Lazy<KnowledgeService> Service = new(() => KnowledgeService.CreateOffline());
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pkh-fit-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("umur brp lansia bisa masuk", AnswerKind.Age)]
    [InlineData("bantuan anak usia dini untuk umur berapa", AnswerKind.Age)]
    [InlineData("setahun cair brp kali", AnswerKind.Count)]
    [InlineData("nomer call center kemensos brp", AnswerKind.Number)]
    [InlineData("siapa nama korkab bojonegoro", AnswerKind.Name)]
    [InlineData("nama ketua kelompok di desa saya siapa", AnswerKind.Name)]
    [InlineData("berapa maksimal anak sekolah yang dihitung", AnswerKind.Count)]
    [InlineData("kpm bojonegoro ada berapa", AnswerKind.Count)]
    [InlineData("anak SD dapat berapa", AnswerKind.Amount)]
    [InlineData("rincian nominal semua komponen", AnswerKind.Amount)]
    [InlineData("piye carane daftar pkh", AnswerKind.Steps)]
    [InlineData("pkh cair kapan", AnswerKind.Date)]
    [InlineData("pkh dimulai sejak tahun berapa", AnswerKind.Date)]
    [InlineData("pertemuan kelompok bulan depan tgl brp", AnswerKind.Day)]
    [InlineData("anak putus sekolah pkh nya gimana", AnswerKind.Any)]
    [InlineData("simbah sudah 72 tahun bisa ikut lansia ga", AnswerKind.Age)]
    [InlineData("anakku umur 4 masih dihitung komponen", AnswerKind.Age)]
    [InlineData("mbah umur 75 dapat berapa", AnswerKind.Amount)]
    [InlineData("sudah 3 tahun tidak cair kenapa", AnswerKind.Any)]
    public void The_question_s_words_say_what_kind_of_answer_it_wants(string question, AnswerKind kind)
        => Assert.Equal(kind, AnswerFit.KindOf(Service.Value.Index.Normalizer.Words(question).ToList()));

    [Theory]
    [InlineData("kakek saya komponen lansia, kewajibannya apa?", "wajib")]
    [InlineData("apa saja syaratnya daftar pkh", "syarat")]
    [InlineData("ketua kelompok tugasnya apa", "tugas")]
    [InlineData("graduasi paksa itu apaan", "paksa")]
    [InlineData("pemda apa pusat yang bayar pkh", null)]          // "apa" = or
    [InlineData("apa saya masih dapat pkh kalau pindah rumah", null)]   // yes/no
    [InlineData("p2k2 diadakan berapa kali", null)]               // the kind (a count of times) is asked
    [InlineData("ke kantor pos yang dibawa apa saja", null)]      // a verb's object, unnamed
    [InlineData("anak SD dapat berapa", null)]                    // money: the komponen is a subject, not a focus
    public void The_word_a_what_or_who_question_asks_about_is_found(string question, string? stem)
    {
        var index = Service.Value.Index;
        var words = index.Normalizer.Words(question).ToList();
        var focus = QuestionFocus.Word(words, index.Normalizer.Canonical, AnswerFit.KindOf(words));
        if (stem is null) Assert.Null(focus);
        else Assert.Contains(stem, index.FocusStems(Assert.IsType<string>(focus)));
    }

    [Theory]
    // Whether the money is affected, or how much is cut, is no family sum.
    [InlineData("anakku SMP kelas 8 sering mbolos, ngaruh ora nang duit pkh e")]
    [InlineData("lairan nang dukun bayi, dipotong piro")]
    // A child's months since birth are a time, not the period of a sum.
    [InlineData("anak saya lahir 3 bulan lalu kok belum masuk komponen")]
    public void A_question_about_the_money_that_asks_no_sum_gets_no_calculation(string question)
        => Assert.DoesNotContain("Perkiraan bantuan", Service.Value.AnswerOffline(question).Body);

    [Fact]
    public void A_step_child_is_not_answered_with_the_rule_on_grandchildren()
        => Assert.DoesNotContain("Cucu", Service.Value.AnswerOffline("anak tiri ikut kk saya dihitung komponen gak").Body);

    [Theory]
    // "lewat apa" asks for a channel: "lewat" is a preposition, not what is asked about.
    [InlineData("ada orang kaya di desa saya dapat pkh, lapor lewat apa", "anggah")]
    // Javanese "dino" is "hari".
    [InlineData("sanggah di aplikasi nek ora diverifikasi brp dino gugur", "14 hari")]
    // A polite opening carries no topic; a school class is about school; "sak kabupaten" is the scope of a count, not money.
    [InlineData("Mohon izin bertanya, dasar hukum PKH itu Permensos nomor berapa ya?", "1 Tahun 2018")]
    [InlineData("anak saya SMK kelas 2, bantuannya per tiga bulan itu berapa?", "500.000")]
    [InlineData("jumlah desa sak kabupaten bojonegoro piro", "419")]
    public void Everyday_phrasing_is_understood(string question, string expected)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered, a.Body);
        Assert.Contains(expected, a.Body);
    }

    [Theory]
    [InlineData("pkh iku sakjane bantuan opo to", "tunai bersyarat")]
    [InlineData("KKS itu kartu apa", "Kartu Keluarga Sejahtera")]
    [InlineData("P2K2 itu kegiatan apa", "Pertemuan Peningkatan Kemampuan Keluarga")]
    [InlineData("DTSEN itu data apa ya", "Data Tunggal Sosial dan Ekonomi Nasional")]
    public void A_question_what_kind_of_thing_a_word_is_gets_what_the_word_means(string question, string expected)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered, a.Body);
        Assert.Contains(expected, a.Body);
    }

    [Theory]
    [InlineData("desil sy brp ya bu")]
    [InlineData("nomor kks saya berapa ya")]
    [InlineData("carane ngerti desil keluargaku piro?")]
    public void A_value_of_the_askers_own_record_is_not_answered_with_a_rule(string question)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.False(a.Answered, a.Body);
        Assert.Contains("171", a.Body);
    }

    [Fact]
    public void A_word_ending_like_an_owner_does_not_make_a_rule_question_the_askers_own()
    {
        var a = Service.Value.AnswerOffline("sanggahan di aplikasi cek bansos berlaku berapa hari");
        Assert.True(a.Answered, a.Body);
        Assert.Contains("14", a.Body);
    }

    [Fact]
    public void An_answer_that_never_names_what_is_asked_about_is_not_given()
    {
        // "komponen lansia" shares words with the rule on one person in two komponen; the question asks for obligations.
        var a = Service.Value.AnswerOffline("kakek saya komponen lansia, kewajibannya apa?");
        Assert.True(a.Answered);
        Assert.DoesNotContain("lebih besar", a.Body);
        Assert.Contains("santun lansia", a.Body);
    }

    [Fact]
    public void A_question_with_only_everyday_words_that_nothing_answers_gets_the_scope_text()
    {
        var other = Service.Value.AnswerOffline("kapan pendaftaran SD negeri dibuka");
        Assert.False(other.Answered);
        Assert.Contains("hanya bisa menjawab", other.Body);
        // The same everyday word in a programme question is still answered.
        Assert.True(Service.Value.AnswerOffline("anak SD dapat berapa").Answered);
        // A PKH question the facts lack keeps "belum tahu" with the people who can answer.
        var unknown = Service.Value.AnswerOffline("gaji pendamping pkh berapa");
        Assert.False(unknown.Answered);
        Assert.Contains("171", unknown.Body);
    }

    [Fact]
    public void One_s_own_account_number_is_never_answered_with_a_number_from_the_documents()
    {
        var a = Service.Value.AnswerOffline("nomor rekening PKH saya berapa ya bu");
        Assert.False(a.Answered);
        Assert.Contains("pendamping", a.Body);
    }

    [Fact]
    public void A_count_for_the_kabupaten_comes_only_from_a_passage_about_it()
    {
        var a = Service.Value.AnswerOffline("jumlah KPM PKH Bojonegoro 2024 ada berapa");
        Assert.True(a.Answered, a.Body);
        Assert.Contains("56.515", a.Body);
        // The nation's desil rule is no count of Bojonegoro's KPM in desil 1.
        var b = Service.Value.AnswerOffline("berapa persen KPM Bojonegoro yang masuk desil 1");
        Assert.True(!b.Answered || !b.Body.Contains("desil 1-4", StringComparison.Ordinal), b.Body);
    }

    [Theory]
    [InlineData("periksa nifas dalam berapa hari", "42 hari")]
    [InlineData("satu pendamping pegang brp KPM", "KPM per pendamping")]
    [InlineData("setahun pkh cair berapa kali", "4")]
    public void A_count_in_a_unit_is_answered_in_that_unit(string question, string expected)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered, a.Body);
        Assert.Contains(expected, a.Body);
        Assert.DoesNotContain("Rp750.000 per tahap", a.Body);
    }

    [Fact]
    public void The_unit_a_count_asks_for_is_read_and_a_passage_in_another_unit_does_not_fit()
    {
        var words = Service.Value.Index.Normalizer.Words("P2K2 ada brp modul sih").ToList();
        Assert.Equal("modul", QuestionFocus.Unit(words));
        Assert.False(QuestionFocus.FitsUnit("modul", "Modul Pengasuhan: 4 sesi, menjadi orang tua yang lebih baik."));
        Assert.True(QuestionFocus.FitsUnit("modul", "Ada 5 modul: pengasuhan, keuangan, kesehatan, perlindungan anak, kesejahteraan sosial."));
        Assert.Null(QuestionFocus.Unit(Service.Value.Index.Normalizer.Words("anak SD dapat berapa").ToList()));
    }

    [Theory]
    [InlineData("setelah musdes, penetapan KPM butuh berapa lama?")]      // a duration: the process passage has none
    [InlineData("anggaran pkh bojonegoro berapa miliar")]                  // a sum in miliar: no per-tahap amount answers it
    public void A_duration_or_a_budget_is_not_answered_with_a_passage_that_has_none(string question)
        => Assert.False(Service.Value.AnswerOffline(question).Answered);

    [Fact]
    public void A_particle_after_kecamatan_is_no_place_name()
        => Assert.Contains("28 kecamatan", Service.Value.AnswerOffline("Bojonegoro itu ada berapa kecamatan sih?").Body);

    [Theory]
    [InlineData("melahirkan di faskes, bukan di rumah dukun", true)]
    [InlineData("Ambil di kantor pos dengan undangan", true)]
    [InlineData("Ibu hamil/nifas: Rp750.000 per tahap (dihitung sampai kehamilan ke-2).", false)]
    public void A_where_question_is_answered_with_a_place(string passage, bool fits)
    {
        Assert.Equal(AnswerKind.Place, AnswerFit.KindOf(Service.Value.Index.Normalizer.Words("ibu hamil melahirkan harus di mana").ToList()));
        Assert.Equal(fits, AnswerFit.FitsKind(AnswerKind.Place, passage));
    }

    [Theory]
    [InlineData("bantuan anak usia dini untuk umur berapa", "0-6", "lansia")]
    [InlineData("umur berapa lansia bisa masuk komponen", "60", "prioritas")]
    [InlineData("piye carane ngecek bansos lewat hp", "Cek Bansos", "kehamilan")]
    // The question's most specific programme word must be in the answer's entry (not the status check that shares "cek").
    [InlineData("kapan dtsen mulai dipakai", "April 2025", "2007")]
    [InlineData("ProKUS itu program apa", "Kewirausahaan Sosial", "Keluarga Penerima Manfaat")]
    public void A_question_is_answered_from_a_passage_of_its_kind_and_subject(string question, string expected, string notAbout)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered);
        Assert.Contains(expected, a.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(notAbout, a.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("mau sanggah penerima lewat aplikasi cek bansos gmn", "Cari Data")]
    [InlineData("sanggah tetangga sugih di cek bansos piye", "Cari Data")]
    [InlineData("dtsen mulai dipakai tahun berapa", "2007")]
    public void A_passage_without_the_question_s_most_specific_programme_word_never_answers_it(string question, string notAbout)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(!a.Answered || !a.Body.Contains(notAbout, StringComparison.OrdinalIgnoreCase), a.Body);
    }

    [Theory]
    [InlineData("satu orang cocok dua komponen, contohnya lansia yang juga disabilitas berat, mana yang dihitung?")]
    [InlineData("orang yang masuk dua komponen sekaligus dihitung yang mana, contohnya anak SD disabilitas")]
    [InlineData("satu orang masuk dua komponen, misalnya anak SMA tapi disabilitas berat juga, dapat yang mana")]
    public void Words_of_an_example_do_not_decide_what_the_question_is_about(string question)
    {
        var a = Service.Value.AnswerOffline(question);
        Assert.True(a.Answered);
        Assert.Contains("lebih besar", a.Body);
    }

    [Fact]
    public void A_yes_or_no_verdict_is_given_only_on_the_claim_the_question_makes()
    {
        Assert.DoesNotContain("Bukan", Service.Value.AnswerOffline("katanya KPM dapat motor gratis bener ga").Body);
        Assert.StartsWith("Bukan", Service.Value.AnswerOffline("katanya lansia dapat 3 juta bener ga").Body);
    }

    [Fact]
    public void When_no_passage_fits_the_bot_abstains_instead_of_answering_something_else()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
        File.WriteAllText(Path.Combine(_root, "docs", "uji.md"), "---\nid: uji\ntitle: Dokumen uji\nyear: 2025\n---\n## Jadwal wortel\nWortel dibagikan tiap triwulan di balai desa.\n");
        File.WriteAllText(Path.Combine(_root, "faq.md"), "### Wortel warnanya apa?\nOranye.\nSumber: uji > Jadwal wortel\n");
        File.WriteAllText(Path.Combine(_root, "synonyms.txt"), "");
        File.WriteAllText(Path.Combine(_root, "domain-terms.txt"), "wortel\n");
        var service = KnowledgeService.CreateOffline(_root, new KnowledgeOptions { MinScore = 0.1 });

        Assert.True(service.AnswerOffline("kapan wortel dibagikan").Answered);
        var age = service.AnswerOffline("wortel untuk umur berapa");   // no passage states an age

        Assert.False(age.Answered);
        Assert.Equal(KnowledgeTexts.DontKnow, age.Body);
        Assert.True(age.Score > 0);   // a question of this domain: a person may be offered
    }

    [Fact]
    public void Out_of_scope_says_what_the_bot_answers_and_a_PKH_question_it_cannot_answer_keeps_the_honest_I_do_not_know()
    {
        var outside = Service.Value.AnswerOffline("resep rendang padang yang enak");
        Assert.False(outside.Answered);
        Assert.StartsWith("Maaf, itu di luar PKH", outside.Body);
        Assert.Contains("Saya hanya bisa menjawab pertanyaan seputar PKH", outside.Body);
        Assert.Equal(0, outside.Score);

        var unknown = Service.Value.AnswerOffline("gaji pendamping pkh berapa");
        Assert.False(unknown.Answered);
        Assert.Equal(KnowledgeTexts.DontKnow, unknown.Body);
        foreach (var channel in new[] { "pendamping", "Dinas Sosial", "171", "cekbansos.kemensos.go.id" })
            Assert.Contains(channel, unknown.Body);
    }

    [Theory]
    [InlineData("kpm pkh di kecamatan Wonokerto ada berapa")]
    [InlineData("pertemuan kelompok desa Sidomukti jam berapa")]
    [InlineData("tahap 3 di kec ngasinan cair kapan")]
    public void A_place_the_facts_do_not_name_is_not_answered_with_the_kabupaten_s_or_the_nation_s_rule(string question)
    {
        var a = Service.Value.AnswerOffline(question);

        Assert.False(a.Answered, a.Body);
        Assert.Equal(KnowledgeTexts.DontKnow, a.Body);
        Assert.True(Service.Value.AnswerOffline("pkh di desa saya cair kapan").Answered);   // "desa saya" names no place
        Assert.False(Service.Value.AnswerOffline("jumlah kpm di kecamatan saya ada berapa").Answered);   // but it has no figures
    }

    [Fact]
    public void A_number_is_answered_in_digits_and_a_name_with_a_person_s_name_not_with_a_list_or_a_role()
    {
        Assert.False(AnswerFit.FitsKind(AnswerKind.Number, "Bank Himbara: BRI, BNI, Mandiri, BTN; BSI di Aceh."));
        Assert.True(AnswerFit.FitsKind(AnswerKind.Number, "Call center Kemensos 171."));
        Assert.False(AnswerFit.FitsKind(AnswerKind.Name, "Korkab = Koordinator Kabupaten/Kota PKH."));
        Assert.True(AnswerFit.FitsKind(AnswerKind.Name, "Bupati Setyo Wahono menyebut KPM naik."));
    }

    [Theory]
    [InlineData("kip kuliah cair kapan")]
    [InlineData("bantuan pangan bulan ini dapat berapa kilo")]
    public void Another_social_assistance_programme_is_not_PKH_but_gets_the_people_and_the_line_that_can_answer(string question)
    {
        var a = Service.Value.AnswerOffline(question);

        Assert.False(a.Answered);
        Assert.Equal(KnowledgeTexts.OtherAid, a.Body);
        foreach (var part in new[] { "hanya bisa menjawab pertanyaan seputar PKH", "pendamping", "Dinas Sosial", "171" })
            Assert.Contains(part, a.Body);
        Assert.Equal(0, a.Score);   // as out of scope: no hand-off offered
        Assert.DoesNotContain("171", Service.Value.AnswerOffline("pinjol yang aman apa").Body);   // not social assistance
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
