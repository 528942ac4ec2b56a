using Microsoft.Extensions.Options;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Knowledge;

public sealed class KnowledgeOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("3522")]
    public async Task A_kabupaten_that_is_no_name_stops_the_host_naming_the_setting(string kabupaten)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Knowledge:Kabupaten"] = kabupaten }));
        Assert.Contains("Knowledge:Kabupaten", ex.Message);
    }
}
