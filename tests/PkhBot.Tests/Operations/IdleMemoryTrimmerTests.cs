using System.ComponentModel.DataAnnotations;
using PkhBot.Operations;

namespace PkhBot.Tests.Operations;

public sealed class IdleMemoryTrimmerTests
{
    [Theory]
    [InlineData(40L * 1024 * 60, 60, true)]          // a minute of an idle bot
    [InlineData(500L * 1024 * 1024, 60, false)]      // a busy minute: the GC collects on its own
    [InlineData(40L * 1024 * 3600, 3600, true)]      // an idle hour, with a longer interval
    [InlineData(40L * 1024 * 1024, 10, false)]       // 4 MB/s is not idle, however short the interval
    public void Only_a_bot_that_allocated_little_since_the_last_look_is_trimmed(long allocated, int seconds, bool trimmed)
        => Assert.Equal(trimmed, IdleMemoryTrimmer.ShouldTrim(allocated, seconds));

    [Fact]
    public void A_negative_interval_is_refused_with_what_to_set()
    {
        var o = new OperationsOptions { IdleTrimSeconds = -1 };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(o, new ValidationContext(o), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Operations:IdleTrimSeconds"));
    }
}
