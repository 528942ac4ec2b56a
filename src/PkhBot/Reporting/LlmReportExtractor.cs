using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>
/// Free text -> proposal through Semantic Kernel function calling, used when a chat-completion service is
/// registered. Tool calls are invoked here (not auto-invoked) so each one runs through <see cref="ReportTools"/>,
/// which enforces scope; at most a few rounds. Any failure of the model falls back to the offline rules.
/// </summary>
public sealed partial class LlmReportExtractor(IChatCompletionService chat, RuleBasedReportExtractor fallback, ILogger<LlmReportExtractor> log) : IReportExtractor
{
    private const int MaxRounds = 3;

    public async Task<ReportProposal?> ExtractAsync(ConversationContext ctx, string text, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || text.Length < 8 || RuleBasedReportExtractor.LooksLikeQuestion(text)) return null;
        try
        {
            var tools = new ReportTools(ctx);
            var kb = Kernel.CreateBuilder();
            kb.Services.AddSingleton(chat);
            kb.Plugins.AddFromObject(tools, "Laporan");
            var kernel = kb.Build();
            var history = new ChatHistory(ReportingTexts.ExtractorSystemPrompt);
            // Like the knowledge questions: NIK and phone numbers never leave the process whole.
            history.AddUserMessage(Privacy.Mask.Text(text));
            var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
            for (var round = 0; round < MaxRounds && tools.Proposal is null; round++)
            {
                var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, ct);
                history.Add(reply);
                var calls = FunctionCallContent.GetFunctionCalls(reply).ToList();
                if (calls.Count == 0) break;
                foreach (var call in calls)
                {
                    var result = await call.InvokeAsync(kernel, ct);
                    history.Add(result.ToChatMessage());
                }
            }
            return tools.Proposal ?? (tools.RefusedOutOfScope ? ReportProposal.NotInScope : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFallback(ex.GetType().Name);
            return await fallback.ExtractAsync(ctx, text, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM report extraction failed ({ErrorType}); using the offline rules")]
    private partial void LogFallback(string errorType);
}
