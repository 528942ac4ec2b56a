using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>/tanya TEXT: a programme question, for everyone.</summary>
public sealed class TanyaCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("tanya", KnowledgeTexts.TanyaDescription, CommandSpec.Everyone, ["faq"], Chats: ChatKinds.Any);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var question = ctx.Message.Args;
        if (string.IsNullOrWhiteSpace(question))
        {
            ctx.Reply(KnowledgeTexts.TanyaUsage);
            return;
        }
        await KnowledgeReply.AnswerAsync(ctx, question, ct);
    }
}
