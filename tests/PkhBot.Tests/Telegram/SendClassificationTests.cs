using PkhBot.Channels.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace PkhBot.Tests.Telegram;

public sealed class SendClassificationTests
{
    [Theory]
    [InlineData(429, "Too Many Requests: retry after 7", SendStatus.RateLimited)]
    [InlineData(403, "Forbidden: bot was blocked by the user", SendStatus.Forbidden)]
    [InlineData(400, "Bad Request: can't parse entities: Unsupported start tag \"x\"", SendStatus.BadEntities)]
    [InlineData(400, "Bad Request: chat not found", SendStatus.Rejected)]
    [InlineData(500, "Internal Server Error", SendStatus.Transient)]
    [InlineData(502, "Bad Gateway", SendStatus.Transient)]
    public void Telegram_errors_are_sorted_into_what_the_sender_does_next(int code, string description, SendStatus expected)
    {
        var ex = new ApiRequestException(description, code, code == 429 ? new ResponseParameters { RetryAfter = 7 } : null);

        var r = TelegramMessageSender.Classify(ex);

        Assert.Equal(expected, r.Status);
        if (code == 429) Assert.Equal(TimeSpan.FromSeconds(7), r.RetryAfter);
    }

    [Fact]
    public void Network_failures_are_transient()
        => Assert.Equal(SendStatus.Transient, TelegramMessageSender.Classify(new RequestException("Bot API Service Failure", new HttpRequestException())).Status);

    [Fact]
    public void Editing_a_message_to_the_same_text_counts_as_sent()
        => Assert.Equal(SendStatus.Sent, TelegramMessageSender.Classify(new ApiRequestException("Bad Request: message is not modified", 400), isEdit: true).Status);
}
