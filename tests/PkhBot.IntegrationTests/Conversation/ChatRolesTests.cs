using Microsoft.EntityFrameworkCore;
using PkhBot.Cli;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Conversation;

/// <summary>`chat --as mitra|pemantau`: the console plays a partner agency or a camat on the demo data.</summary>
public sealed class ChatRolesTests
{
    [Fact]
    public async Task Chat_as_mitra_is_Dinas_Koperasi_by_default_and_lists_its_open_referrals()
    {
        var (code, output, _) = await ChatAsync(["--as", "mitra"], "/rujukan\n/ppse\n");

        Assert.Equal(0, code);
        Assert.Contains("Anda masuk sebagai mitra DINKOP", output);
        Assert.Contains("Rujukan untuk Dinas Koperasi dan Usaha Mikro", output);
        Assert.Contains("terbuka", output);
        Assert.Contains("/ppse hanya untuk", output);
    }

    [Fact]
    public async Task Chat_as_pemantau_of_a_kecamatan_sees_its_figures_and_chart_and_no_name()
    {
        var file = NewDatabase();
        var (code, output, _) = await ChatAsync(["--as", "pemantau:kapas"], "/ppse\n/kpm 1\n", file);

        Assert.Equal(0, code);
        Assert.Contains("Anda masuk sebagai pemantau Kec. Kapas", output);
        Assert.Contains("PPSE: Kec. Kapas", output);
        Assert.Contains("Kandidat graduasi:", output);
        Assert.Contains("[lampiran: ppse-", output);
        Assert.DoesNotContain("Per pendamping", output);
        Assert.Contains("/kpm hanya untuk", output);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:PkhBot"] = $"Data Source={file}" });
        var names = await app.WithDbAsync(db => db.Pendamping.Where(p => p.Kecamatan!.Nama == "Kapas").Select(p => p.Nama).ToListAsync());
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain(n, output));
    }

    [Theory]
    [InlineData("mitra:TIDAKADA", "tidak ada di katalog")]
    [InlineData("pemantau:Atlantis", "tidak ditemukan")]
    public async Task Chat_as_an_unknown_mitra_or_kecamatan_says_what_to_choose(string role, string message)
    {
        var (code, _, error) = await ChatAsync(["--as", role], "");

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    private static string NewDatabase() => Path.Combine(Path.GetTempPath(), $"pkhbot-chat-{Guid.NewGuid():N}.db");

    private static async Task<(int Code, string Out, string Err)> ChatAsync(string[] args, string input, string? file = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliRoot.RunAsync(["chat", .. args], output, new StringReader(input),
            [$"--ConnectionStrings:PkhBot=Data Source={file ?? NewDatabase()}", "--Demo:Households=1500"], error);
        return (code, output.ToString(), error.ToString());
    }
}
