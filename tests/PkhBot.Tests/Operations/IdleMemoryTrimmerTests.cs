using System.ComponentModel.DataAnnotations;
using PkhBot.Operations;

namespace PkhBot.Tests.Operations;

public sealed class IdleMemoryTrimmerTests
{
    [Theory]
    [InlineData(40L * 1024 * 60, true)]        // a minute of an idle bot
    [InlineData(500L * 1024 * 1024, false)]    // a busy minute: the GC collects on its own
    public void Only_a_bot_that_allocated_little_since_the_last_look_is_trimmed(long allocated, bool trimmed)
        => Assert.Equal(trimmed, IdleMemoryTrimmer.ShouldTrim(allocated));

    [Fact]
    public void A_negative_interval_is_refused_with_what_to_set()
    {
        var o = new OperationsOptions { IdleTrimSeconds = -1 };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(o, new ValidationContext(o), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Operations:IdleTrimSeconds"));
    }
}
