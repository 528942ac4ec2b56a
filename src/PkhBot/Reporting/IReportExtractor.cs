using PkhBot.Conversation;

namespace PkhBot.Reporting;

/// <summary>A structured report proposed from free text; nothing is saved until the pendamping presses Simpan.</summary>
public sealed record ReportProposal(int HouseholdId, ReportCategory Category, string Note)
{
    /// <summary>
    /// The text was a report, but for a household outside the caller's scope (or none at all): the user is told so
    /// instead of getting a knowledge-base answer. Says nothing about whether that household exists.
    /// </summary>
    public static ReportProposal NotInScope { get; } = new(0, default, "");

    public bool IsNotInScope => HouseholdId == 0;
}

/// <summary>
/// Turns a pendamping's free text into a proposed report, or null when it is not one. The offline
/// <see cref="RuleBasedReportExtractor"/> is the default; an LLM-backed extractor (Semantic Kernel function
/// calling with FindHousehold/RecordProgress tools that enforce scope themselves) plugs in here.
/// Implementations must only ever propose households from <see cref="Households.HouseholdScope.Visible"/>.
/// </summary>
public interface IReportExtractor
{
    Task<ReportProposal?> ExtractAsync(ConversationContext ctx, string text, CancellationToken ct);
}
