using System.ComponentModel.DataAnnotations;
using PkhBot.Knowledge;

namespace PkhBot.Tests.Knowledge;

public sealed class AiOptionsTests
{
    private static List<ValidationResult> Validate(AiOptions o)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void No_LLM_settings_is_valid_and_means_offline_answers()
    {
        var o = new AiOptions();
        Assert.Empty(Validate(o));
        Assert.False(o.Enabled);
    }

    [Fact]
    public void All_three_settings_enable_the_LLM()
    {
        var o = new AiOptions { Endpoint = "http://127.0.0.1:11434/v1", Model = "llama3.1", ApiKey = "ollama" };
        Assert.Empty(Validate(o));
        Assert.True(o.Enabled);
    }

    [Fact]
    public void Only_some_settings_is_an_error_that_names_them()
    {
        var results = Validate(new AiOptions { Endpoint = "http://127.0.0.1:11434/v1" });
        var message = Assert.Single(results).ErrorMessage;
        Assert.Contains("Ai:Endpoint, Ai:Model dan Ai:ApiKey", message);
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("ftp://server/v1")]
    [InlineData("bukan alamat")]
    public void An_endpoint_that_is_not_an_http_address_is_an_error(string endpoint)
    {
        var results = Validate(new AiOptions { Endpoint = endpoint, Model = "m", ApiKey = "k" });
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Ai:Endpoint harus alamat http(s)"));
    }

    [Theory]
    [InlineData("http://llm.example.org/v1", false)]
    [InlineData("http://10.0.0.5:11434/v1", false)]
    [InlineData("https://llm.example.org/v1", true)]
    [InlineData("http://127.0.0.1:11434/v1", true)]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("http://[::1]:11434/v1", true)]
    public void The_endpoint_must_be_https_unless_it_is_on_this_machine(string endpoint, bool valid)
    {
        var results = Validate(new AiOptions { Endpoint = endpoint, Model = "m", ApiKey = "k" });
        if (valid) Assert.Empty(results);
        else Assert.Contains(results, r => r.ErrorMessage!.Contains("Ai:Endpoint harus https"));
    }
}
