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

    /// <summary>
    /// Inside the update's transaction: the LLM's answer when it was prepared for this question (<see cref="KnowledgePreparer"/>),
    /// otherwise the offline answer. Never calls the network.
    /// </summary>
    public static async Task AnswerAsync(ConversationContext ctx, string question, CancellationToken ct)
    {
        var answer = ctx.Prepared.Get<PreparedAnswer>() is { } prepared && prepared.Question == question ? prepared.Answer : Offline(ctx, question);
        ctx.Reply(ToHtml(answer));
        // A PKH question the documents cannot answer goes to a person, with the KPM's consent (in a private chat only:
        // a group is not where a person's question is kept and answered).
        // Out-of-domain questions (score 0: weather, recipes) are not worth a pendamping's time.
        if (!answer.Answered && answer.Score > 0 && ctx.Caller.IsPublic && ctx.Message.IsPrivate)
            await HandoffService.OfferAsync(ctx, question, ct);
    }

    private static Answer Offline(ConversationContext ctx, string question)
    {
        var started = ctx.Clock.GetTimestamp();
        var answer = ctx.Services.GetRequiredService<KnowledgeService>().AnswerOffline(question);
        ctx.Services.GetRequiredService<Operations.PkhMetrics>().AnswerTime(ctx.Clock.GetElapsedTime(started).TotalMilliseconds, answer.Answered);
        return answer;
    }
}
