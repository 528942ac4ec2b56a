using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PkhBot.Ai;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>The LLM's reading of one free text (null: not a report), made before the update's transaction.</summary>
public sealed record PreparedReportRead(string Text, ReportProposal? Proposal);

/// <summary>
/// Free text -> proposal through Semantic Kernel function calling (opt-in: Reporting:UseLlm, with Ai:* set). The model is
/// asked BEFORE the update's transaction, as a preparer, over a read-only look at the caller's households; inside the
/// transaction <see cref="ExtractAsync"/> only takes that reading (or, when there is none, the offline rules). Tool calls
/// are invoked here (not auto-invoked) so each one runs through <see cref="ReportTools"/>, which enforces scope; at most
/// a few rounds. The model sees the caller's household names, ID KPM and addresses only as placeholders.
/// </summary>
public sealed partial class LlmReportExtractor(IChatCompletionService chat, AiCalls calls, RuleBasedReportExtractor fallback, ILogger<LlmReportExtractor> log)
    : IReportExtractor, IPreparer
{
    private const int MaxRounds = 3;

    /// <summary>In the transaction: the prepared reading of this very text, else the offline rules. No network.</summary>
    public Task<ReportProposal?> ExtractAsync(ConversationContext ctx, string text, CancellationToken ct)
        => ctx.Prepared.Get<PreparedReportRead>() is { } read && read.Text == text
            ? Task.FromResult(read.Proposal)
            : fallback.ExtractAsync(ctx, text, ct);

    public bool AppliesTo(Incoming m)
        => m.IsPrivate && !m.IsCallback && m.Command is null && m.PhotoFileId is null && m.Location is null && m.Contact is null
           && m.Text is { Length: >= 8 } text && !RuleBasedReportExtractor.LooksLikeQuestion(text);

    public async Task PrepareAsync(PreparationContext ctx, CancellationToken ct)
    {
        // Free text reaches the report reader with no flow open, or while a proposal waits (a new text replaces it).
        if (!ctx.Caller.IsPendamping || ctx.Flow is { } f && f.Flow != FreeTextReport.FlowName) return;
        var text = ctx.Message.Text!;
        try
        {
            var proposal = await calls.RunAsync(c => ReadAsync(ctx.Db, ctx.Caller, text, c), ct);
            ctx.Results.Set(new PreparedReportRead(text, proposal));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Nothing prepared: the offline rules read it in the transaction.
            LogFallback(ex.GetType().Name);
        }
    }

    /// <summary>The reading itself (a network call): proposal, <see cref="ReportProposal.NotInScope"/>, or null.</summary>
    public async Task<ReportProposal?> ReadAsync(PkhDbContext db, Caller caller, string text, CancellationToken ct)
    {
        if (!caller.IsPendamping || text.Length < 8 || RuleBasedReportExtractor.LooksLikeQuestion(text)) return null;
        // The caller's own households' names that the text mentions go out as placeholders (as do any "Bu/Pak Name").
        var names = await HouseholdScope.Visible(db, caller).AsNoTracking().Select(h => h.NamaPengurus).Take(5000).ToListAsync(ct);
        var hidden = new Placeholders();
        var tools = new ReportTools(db, caller, hidden);
        var kb = Kernel.CreateBuilder();
        kb.Services.AddSingleton(chat);
        kb.Plugins.AddFromObject(tools, "Laporan");
        var kernel = kb.Build();
        var history = new ChatHistory(ReportingTexts.ExtractorSystemPrompt);
        history.AddUserMessage(hidden.Hide(text, names.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase))));
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
        for (var round = 0; round < MaxRounds && tools.Proposal is null; round++)
        {
            var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, ct);
            history.Add(reply);
            var toolCalls = FunctionCallContent.GetFunctionCalls(reply).ToList();
            if (toolCalls.Count == 0) break;
            foreach (var call in toolCalls)
            {
                var result = await call.InvokeAsync(kernel, ct);
                history.Add(result.ToChatMessage());
            }
        }
        return tools.Proposal ?? (tools.RefusedOutOfScope ? ReportProposal.NotInScope : null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM report extraction failed ({ErrorType}); using the offline rules")]
    private partial void LogFallback(string errorType);
}
