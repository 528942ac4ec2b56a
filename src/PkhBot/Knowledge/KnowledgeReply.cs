using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>An answer as a Telegram message: escaped, short, the source line in italics.</summary>
public static class KnowledgeReply
{
    public const int MaxChars = 700;

    public static string ToHtml(Answer answer)
    {
        var source = answer.SourceLine is null ? "" : "\n<i>" + Html.Escape(answer.SourceLine) + "</i>";
        var room = Math.Max(120, MaxChars - source.Length);
        var body = answer.Body.Length <= room ? answer.Body : answer.Body[..room].TrimEnd() + "…";
        return Html.Escape(body) + source;
    }

    public static async Task AnswerAsync(ConversationContext ctx, string question, CancellationToken ct)
    {
        var service = ctx.Services.GetRequiredService<KnowledgeService>();
        var started = ctx.Clock.GetTimestamp();
        var answer = await service.AnswerAsync(question, ct);
        ctx.Services.GetRequiredService<Operations.PkhMetrics>().AnswerTime(ctx.Clock.GetElapsedTime(started).TotalMilliseconds, answer.Answered);
        ctx.Reply(ToHtml(answer));
        // A PKH question the documents cannot answer goes to a person, with the KPM's consent.
        // Out-of-domain questions (score 0: weather, recipes) are not worth a pendamping's time.
        if (!answer.Answered && answer.Score > 0 && ctx.Caller.IsPublic)
            await HandoffService.OfferAsync(ctx, question, ct);
    }
}
