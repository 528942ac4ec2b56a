using Microsoft.Extensions.Configuration;

namespace PkhBot.Tests.Operations;

/// <summary>The host is built slim (no HTTPS set-up); an operator who configures an https:// address gets HTTPS back.</summary>
public sealed class HttpsOptInTests
{
    private static bool AsksForHttps(params (string Key, string Value)[] settings)
        => AppHost.AsksForHttps(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Plain_http_addresses_need_no_https() =>
        Assert.False(AsksForHttps(("urls", "http://127.0.0.1:5080"), ("Operations:Urls", "http://127.0.0.1:5080")));

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5080;https://0.0.0.0:5443")]
    [InlineData("Operations:Urls", "HTTPS://bot.example.go.id:443")]
    [InlineData("Kestrel:Endpoints:Public:Url", "https://0.0.0.0:8443")]
    public void Any_https_address_turns_https_on(string key, string value) => Assert.True(AsksForHttps((key, value)));
}
