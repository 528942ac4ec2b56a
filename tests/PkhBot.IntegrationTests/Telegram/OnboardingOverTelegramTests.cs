using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Bench;
using PkhBot.Cli;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>`run` against a Bot API compatible server answers /start, /bantuan and an invite deep link.</summary>
public sealed class OnboardingOverTelegramTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _worker = await TelegramWorker.StartAsync(_api, new Dictionary<string, string?> { ["Telegram:BotUsername"] = "PkhTesBot" });
        await _worker.App.WithDbAsync(async db =>
        {
            var kec = await db.Kecamatan.SingleAsync(k => k.Nama == "Kapas");
            db.Pendamping.Add(new Pendamping { Kode = "PDP-TG1", Nama = "Bu Tari", KecamatanId = kec.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task An_invite_deep_link_binds_the_pendamping_and_start_and_bantuan_are_answered()
    {
        var output = new StringWriter();
        var code = await CliRoot.RunAsync(["invite", "create", "--role", "pendamping", "--pendamping-kode", "PDP-TG1", "--json"], output, null,
            [$"--ConnectionStrings:PkhBot=Data Source={_worker.DatabaseFile}", "--Telegram:BotUsername=PkhTesBot"]);
        Assert.Equal(0, code);
        var invite = JsonDocument.Parse(output.ToString()).RootElement;
        var link = invite.GetProperty("link").GetString()!;
        Assert.StartsWith("https://t.me/PkhTesBot?start=", link);

        // Telegram turns the deep link into "/start CODE".
        _api.EnqueueMessage(5301, "/start " + link.Split("start=")[1]);
        var welcome = await _api.WaitForSentAsync(s => s.ChatId == 5301);
        Assert.Contains("Selamat datang", welcome.Text);
        Assert.Equal(Role.Pendamping, await _worker.App.WithDbAsync(db => db.Identities.Where(i => i.UserId == 5301).Select(i => i.Role).SingleAsync()));

        _api.EnqueueMessage(5301, "/bantuan");
        await _api.WaitForSentCountAsync(s => s.ChatId == 5301 && s.Text?.Contains("/lapor") == true, 1);

        _api.EnqueueMessage(5302, "/start");
        var kpm = await _api.WaitForSentAsync(s => s.ChatId == 5302);
        Assert.Contains("/bantuan", kpm.Text);
    }
}
