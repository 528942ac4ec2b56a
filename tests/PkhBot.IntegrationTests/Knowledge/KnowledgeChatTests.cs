using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Knowledge;

public sealed class KnowledgeChatTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_KPM_question_in_plain_text_gets_the_amount_and_an_italic_source_line()
    {
        var kpm = await new ChatDriver(_app, 701).AsAsync(Role.Kpm);
        var r = await kpm.SendAsync("anakku SMP oleh piro bu?");
        Assert.Contains("375.000", r.Text);
        Assert.Contains("<i>Sumber: ", r.Messages.Single().Text);
        Assert.True(r.Messages.Single().Text.Length <= 720);
    }

    [Fact]
    public async Task Someone_who_never_registered_can_ask_too()
    {
        var stranger = new ChatDriver(_app, 702);
        var r = await stranger.SendAsync("kapan pkh cair?");
        Assert.Contains("Jan-Mar", r.Text);
    }

    [Fact]
    public async Task Tanya_answers_a_pendamping_and_without_text_shows_an_example()
    {
        var id = await _app.WithDbAsync(async db =>
        {
            var p = new PkhBot.Households.Pendamping { Kode = "PDP-T1", Nama = "Pendamping Uji", CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var pendamping = await new ChatDriver(_app, 703).AsAsync(Role.Pendamping, pendampingId: id);
        var usage = await pendamping.SendAsync("/tanya");
        Assert.Contains("/tanya anak SMP dapat berapa?", usage.Text);
        var r = await pendamping.SendAsync("/tanya graduasi mandiri itu apa");
        Assert.Contains("sukarela", r.Text);
        Assert.Contains("Sumber: ", r.Text);
    }

    [Fact]
    public async Task A_question_outside_PKH_is_told_what_the_bot_answers_and_a_PKH_question_it_cannot_answer_gets_the_official_channels()
    {
        var kpm = await new ChatDriver(_app, 704).AsAsync(Role.Kpm);
        var r = await kpm.SendAsync("resep rendang padang yang enak");
        Assert.Contains("hanya bisa menjawab pertanyaan seputar PKH", r.Text);
        Assert.Contains("jadwal pencairan", r.Text);
        Assert.DoesNotContain("171", r.Text);
        Assert.DoesNotContain("Sumber:", r.Text);

        var unknown = await kpm.SendAsync("kantor dinsos bojonegoro buka jam berapa hari sabtu?");
        Assert.Contains("belum tahu", unknown.Text);
        Assert.Contains("171", unknown.Text);
        Assert.Contains("cekbansos.kemensos.go.id", unknown.Text);
        Assert.Contains("pendamping", unknown.Text);
    }

    [Fact]
    public async Task Markup_in_a_question_never_breaks_the_reply()
    {
        var kpm = await new ChatDriver(_app, 705).AsAsync(Role.Kpm);
        var r = await kpm.SendAsync("<b>anak SD</b> & dapat berapa? </i><script>");
        var html = r.Messages.Single().Text;
        Assert.Contains("225.000", r.Text);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
    }
}
