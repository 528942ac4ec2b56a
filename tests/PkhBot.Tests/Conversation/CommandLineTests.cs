using PkhBot.Conversation;

namespace PkhBot.Tests.Conversation;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("/lapor 123 usaha buka warung", "lapor", "123 usaha buka warung")]
    [InlineData("/Lapor@PkhBot 123", "lapor", "123")]
    [InlineData("  /bantuan  ", "bantuan", "")]
    [InlineData("halo bu", null, "halo bu")]
    [InlineData("/", null, "/")]
    public void Parses_command_and_arguments(string text, string? command, string args)
    {
        var p = CommandLine.Parse(text);
        Assert.Equal(command, p.Command);
        Assert.Equal(args, p.Args);
    }

    [Fact]
    public void Html_escape_protects_names_with_markup_characters()
    {
        Assert.Equal("Siti &lt;b&gt; &amp; Co_[1]*", Html.Escape("Siti <b> & Co_[1]*"));
    }

    [Fact]
    public void Truncate_keeps_messages_under_Telegram_limit_and_tags_balanced()
    {
        var html = "<b>" + string.Concat(Enumerable.Repeat("baris &amp; teks\n", 600)) + "</b>";
        var cut = Html.Truncate(html);
        Assert.True(cut.Length <= 4096);
        Assert.Equal(CountOf(cut, "<b>"), CountOf(cut, "</b>"));
        Assert.DoesNotContain("&am\n", cut);
    }

    private static int CountOf(string s, string sub) => (s.Length - s.Replace(sub, "").Length) / sub.Length;
}
