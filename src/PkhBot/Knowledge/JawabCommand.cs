using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Conversation;

namespace PkhBot.Knowledge;

/// <summary>/jawab NO teks: the answer to a handed-off question reaches the KPM through the bot.</summary>
public sealed class JawabCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("jawab", "Jawab pertanyaan KPM yang diteruskan: /jawab NO jawaban", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var args = ctx.Message.Args;
        var space = args.IndexOf(' ');
        if (space < 0 || !int.TryParse(args[..space].TrimStart('#'), out var id) || args[(space + 1)..].Trim().Length == 0)
        {
            ctx.Reply(HandoffTexts.JawabUsage);
            return;
        }
        var h = await ctx.Db.Handoffs.FirstOrDefaultAsync(x => x.Id == id && x.Status != HandoffStatus.AwaitingConsent, ct);
        if (h is null || !HandoffScope.CanAnswer(ctx.Caller, h))
        {
            ctx.Reply(HandoffTexts.JawabNotYours);
            return;
        }
        if (h.Status == HandoffStatus.Answered)
        {
            ctx.Reply(HandoffTexts.JawabAlready);
            return;
        }
        var answer = args[(space + 1)..].Trim();
        h.Answer = answer.Length > 3000 ? answer[..3000] : answer;
        h.Status = HandoffStatus.Answered;
        h.AnsweredAt = ctx.Now;
        h.AnsweredByIdentityId = ctx.Caller.IdentityId;
        ctx.SendTo(h.AskerChatId, new Reply(HandoffTexts.AnswerToKpm(h.Id, h.Question, h.Answer)));
        ctx.Audit("handoff.answer", "handoff", h.Id.ToString());
        ctx.Reply(HandoffTexts.AnswerDelivered(h.Id));
    }
}

/// <summary>/pertanyaan: open questions handed to me.</summary>
public sealed class OpenQuestionsCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("pertanyaan", "Pertanyaan KPM yang menunggu jawaban Anda", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var open = await HandoffScope.OpenFor(ctx.Db, ctx.Caller).OrderBy(h => h.Id).Take(20).ToListAsync(ct);
        if (open.Count == 0)
        {
            ctx.Reply(HandoffTexts.NoOpenQuestions);
            return;
        }
        var sb = new StringBuilder($"<b>{open.Count} pertanyaan menunggu jawaban</b>\n");
        foreach (var h in open)
            sb.Append($"No. {h.Id} ({h.AskedAt.ToOffset(TimeSpan.FromHours(7)):dd/MM}): {Html.Escape(h.Question.Length > 120 ? h.Question[..120] + "…" : h.Question)}\n");
        sb.Append("\nBalas dengan /jawab NO jawaban.");
        ctx.Reply(sb.ToString());
    }
}

public static class HandoffScope
{
    public static bool CanAnswer(Caller caller, HandoffQuestion h) => caller.Role switch
    {
        Onboarding.Role.Admin => true,
        Onboarding.Role.Pendamping => h.AssignedPendampingId == caller.PendampingId,
        Onboarding.Role.Koordinator => h.AssignedCoordinatorId == caller.CoordinatorId
            || caller.WholeKabupaten
            || (h.KecamatanId is int k && caller.KecamatanIds.Contains(k)),
        _ => false,
    };

    public static IQueryable<HandoffQuestion> OpenFor(Data.PkhDbContext db, Caller caller)
    {
        var open = db.Handoffs.Where(h => h.Status == HandoffStatus.Open);
        return caller.Role switch
        {
            Onboarding.Role.Admin => open,
            Onboarding.Role.Pendamping => open.Where(h => h.AssignedPendampingId == caller.PendampingId),
            Onboarding.Role.Koordinator when caller.WholeKabupaten => open,
            Onboarding.Role.Koordinator => open.Where(h => h.AssignedCoordinatorId == caller.CoordinatorId
                || (h.KecamatanId != null && caller.KecamatanIds.Contains(h.KecamatanId.Value))),
            _ => open.Where(_ => false),
        };
    }
}
