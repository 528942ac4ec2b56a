using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>An LLM's answer to one question, asked before the update's transaction.</summary>
public sealed record PreparedAnswer(string Question, Answer Answer);

/// <summary>
/// Asks the LLM before the update's transaction, for a message that will be answered as a programme question: /tanya
/// (or /faq) with a question, or free text when no flow is open. A pendamping's free text is often a report, so it is
/// asked for only when it ends with a question mark (otherwise, if it is a question after all, the offline answer
/// comes). Registered only when an LLM is configured; <see cref="KnowledgeReply"/> uses the result or answers offline.
/// </summary>
public sealed class KnowledgePreparer(KnowledgeService knowledge, Operations.PkhMetrics metrics, TimeProvider clock) : IPreparer
{
    public bool AppliesTo(Incoming message) => Question(message) is { } q && knowledge.WouldAskLlm(q);

    public async Task PrepareAsync(PreparationContext ctx, CancellationToken ct)
    {
        var msg = ctx.Message;
        if (Question(msg) is not { } question) return;
        if (msg.Command is null)
        {
            if (ctx.Flow is not null) return;   // the open flow takes this text
            if (ctx.Caller.IsPendamping && !question.TrimEnd().EndsWith('?')) return;
        }
        var started = clock.GetTimestamp();
        var answer = await knowledge.AnswerAsync(question, ct);
        metrics.AnswerTime(clock.GetElapsedTime(started).TotalMilliseconds, answer.Answered);
        ctx.Results.Set(new PreparedAnswer(question, answer));
    }

    /// <summary>The question a message asks, as <see cref="TanyaCommand"/> and <see cref="QuestionFreeText"/> read it.</summary>
    private static string? Question(Incoming m)
    {
        if (m.IsCallback) return null;
        if (m.Command is { } c) return c is "tanya" or "faq" && m.Args.Length > 0 ? m.Args : null;
        return string.IsNullOrWhiteSpace(m.Text) || m.Location is not null || m.Contact is not null || m.PhotoFileId is not null ? null : m.Text;
    }
}
