namespace PkhBot.Tests.Operations;

/// <summary>
/// What an operator installs: the systemd unit ships beside the binary (Operations/deploy/pkhbot.service) and carries
/// what the README promises: a dedicated user, secrets from an environment file, restart on failure, the memory setting.
/// </summary>
public sealed class ServiceUnitTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Operations", "deploy", "pkhbot.service"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("User=pkhbot")]
    [InlineData("EnvironmentFile=/etc/pkhbot/pkhbot.env")]
    [InlineData("Restart=on-failure")]
    [InlineData("Environment=MALLOC_MMAP_THRESHOLD_=65536")]
    [InlineData("NoNewPrivileges=true")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("ExecStart=/usr/bin/dotnet /opt/pkhbot/PkhBot.dll run")]
    public void The_unit_that_ships_with_the_binary_says(string line) => Assert.Contains(line, Lines);

    [Fact]
    public void The_unit_never_forbids_writable_code_which_the_jit_needs() =>
        Assert.DoesNotContain(Lines, l => l.StartsWith("MemoryDenyWriteExecute=", StringComparison.Ordinal));

    [Fact]
    public void The_environment_file_template_ships_too_and_holds_no_real_token()
    {
        var env = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Operations", "deploy", "pkhbot.env.example"));
        Assert.Contains("Telegram__BotToken=", env);
        Assert.DoesNotMatch(@"Telegram__BotToken=\d+:[A-Za-z0-9_-]{30,}", env);
    }
}
