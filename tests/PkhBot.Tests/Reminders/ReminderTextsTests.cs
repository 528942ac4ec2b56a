using PkhBot.Conversation;
using PkhBot.Reminders;

namespace PkhBot.Tests.Reminders;

public sealed class ReminderTextsTests
{
    [Fact]
    public void Weekly_pendamping_nudge_mentions_open_KPM_questions_even_when_nothing_else_is_due()
    {
        var reply = ReminderTexts.PendampingWeekly(new PendampingWeeklyFacts(0, [], 0, false, "November", OpenQuestions: 2), 30)!;
        Assert.Contains("<b>2</b> pertanyaan KPM menunggu jawaban", reply.Html);
    }

    [Fact]
    public void A_pendamping_with_nothing_to_say_gets_no_nudge()
        => Assert.Null(ReminderTexts.PendampingWeekly(new PendampingWeeklyFacts(0, [], 0, false, "November"), 30));

    [Fact]
    public void The_weekly_nudge_puts_numbers_first_escapes_names_and_offers_one_report_button()
    {
        var reply = ReminderTexts.PendampingWeekly(
            new PendampingWeeklyFacts(12, [new(7, "Siti <Aminah> & _*[]"), new(8, "Budi")], 3, true, "November"), 30)!;

        Assert.StartsWith("<b>Pengingat minggu ini</b>\n• <b>12 KPM</b> belum dilaporkan 30+ hari: Siti &lt;Aminah&gt; &amp; _*[], Budi, …", reply.Html);
        Assert.Contains("<b>3</b> tindak lanjut jatuh tempo minggu ini", reply.Html);
        Assert.Contains("P2K2 bulan November belum dicatat", reply.Html);
        var button = Assert.Single(Assert.Single(reply.Keyboard!.Rows));
        Assert.Equal("kpm:c:7", button.Data);
    }

    [Fact]
    public void Follow_ups_only_offer_the_follow_up_list()
    {
        var reply = ReminderTexts.PendampingWeekly(new PendampingWeeklyFacts(0, [], 2, false, "November"), 30)!;
        Assert.Equal("tl:list", reply.Keyboard!.Rows[0][0].Data);
    }

    [Fact]
    public void Follow_ups_due_today_list_the_first_few_and_count_the_rest()
    {
        var reply = ReminderTexts.FollowUpDue(5, [new(1, "Siti & Co", "cek <KIS>"), new(2, "Budi", "sekolah")]);
        Assert.StartsWith("<b>5 tindak lanjut</b> jatuh tempo hari ini:\n• Siti &amp; Co — cek &lt;KIS&gt;", reply.Html);
        Assert.EndsWith("…dan 3 lagi", reply.Html);
        Assert.Equal("tl:list", reply.Keyboard!.Rows[0][0].Data);
    }

    [Fact]
    public void Graduation_candidates_open_the_first_household_card()
    {
        var reply = ReminderTexts.GraduationCandidates(2, [new(42, "Warsini Binti Karto Sumo", ReminderTexts.CandidateNoKomponen)]);
        Assert.StartsWith("<b>2 KPM calon graduasi</b>", reply.Html);
        var button = reply.Keyboard!.Rows[0][0];
        Assert.Equal(("kpm:c:42", "👤 Buka Warsini Binti"), (button.Data, button.Text));
    }

    [Fact]
    public void Numbers_use_Indonesian_thousands_separators()
        => Assert.Equal("40.000", ReminderTexts.N(40_000));

    [Fact]
    public void Escalation_lists_the_biggest_backlog_first_and_says_how_many_more()
    {
        var groups = Enumerable.Range(1, 20).Select(i => new OverdueGroup($"P{i}", "Kapas", i)).OrderByDescending(g => g.Count).ToList();
        var reply = ReminderTexts.Escalation(groups, 7);
        Assert.StartsWith("<b>210 tindak lanjut terlambat 7+ hari</b>", reply.Html);
        Assert.Contains("…dan 5 pendamping lain", reply.Html);
    }

    [Fact]
    public void A_whole_kabupaten_digest_fits_a_photo_caption()
    {
        var ks = Enumerable.Range(1, 28).Select(i => new KecamatanStats(i, $"Kecamatan Panjang <{i}>")
        {
            Households = 2000, Visited30d = 1500, Reports7d = 400, OpenFollowUps = 30, OverdueFollowUps = 9,
        }).ToList();
        ks[0].SilentPendamping.AddRange(["Bu <A>", "Pak B", "Bu C", "Pak D"]);
        var digest = new CoordinatorDigest("Kabupaten Bojonegoro", new DateOnly(2025, 11, 17), ks, 14);

        var html = DigestText.Render(digest);

        Assert.True(html.Length <= 1024, $"{html.Length} chars");
        Assert.StartsWith("<b>Rekap Kabupaten Bojonegoro</b> — 17 Nov 2025\n📝 <b>11.200</b> laporan", html);
        Assert.Contains("<b>75%</b> KPM dikunjungi 30 hari (42.000 dari 56.000)", html);
        Assert.Contains("Bu &lt;A&gt;", html);
        Assert.DoesNotContain("<A>", html);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+62812", "'+62812")]
    [InlineData("-cek", "'-cek")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("Siti", "Siti")]
    [InlineData("", "")]
    public void Export_cells_that_a_spreadsheet_would_run_are_neutralised(string value, string expected)
        => Assert.Equal(expected, PkhBot.Households.Spreadsheet.Neutralize(value));

    [Fact]
    public void The_chart_is_a_png()
    {
        var digest = new CoordinatorDigest("Kec. Kapas", new DateOnly(2025, 11, 17),
            [new KecamatanStats(1, "Kapas") { Households = 10, Visited30d = 4 }, new KecamatanStats(2, "Dander") { Households = 5, Visited30d = 5 }], 14);
        var png = DigestChart.Render(digest);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }
}
