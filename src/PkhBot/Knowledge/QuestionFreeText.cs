using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>
/// The fallback for plain text: it is a programme question. Runs last (Order 100), after the reporting
/// helper has taken a pendamping's report-like text (Order 10).
/// </summary>
public sealed class QuestionFreeText : IFreeTextHandler
{
    public int Order => 100;
    /// <summary>Programme questions are answered in groups too: the answer names no one.</summary>
    public ChatKinds Chats => ChatKinds.Any;

    public async Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var text = ctx.Message.Text;
        if (string.IsNullOrWhiteSpace(text) || ctx.Message.Location is not null || ctx.Message.Contact is not null) return false;
        await KnowledgeReply.AnswerAsync(ctx, text, ct);
        return true;
    }
}
