using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>/tindaklanjut: open follow-ups in scope, overdue first, with the days overdue.</summary>
public sealed class TindakLanjutCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("tindaklanjut", "Tindak lanjut yang masih terbuka", CommandSpec.Staff, ["tl"]);

    public static IQueryable<FollowUp> OpenInScope(Data.PkhDbContext db, IQueryable<Household> scope)
        => db.FollowUps.Where(f => f.Status == FollowUpStatus.Open && scope.Any(h => h.Id == f.HouseholdId));

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var open = OpenInScope(ctx.Db, scope);
        var total = await open.CountAsync(ct);
        var today = Wib.Today(ctx.Now);
        var overdue = await open.CountAsync(f => f.DueDate < today, ct);
        var rows = await open.OrderBy(f => f.DueDate).ThenBy(f => f.Id).Take(30)
            .Select(f => new { f.Id, f.DueDate, f.Issue, f.Household!.NamaPengurus, f.Household.IdKpm }).ToListAsync(ct);
        if (total == 0)
        {
            ctx.Reply(ReportingTexts.FollowUpsNoneOpen);
            return;
        }
        var sb = new StringBuilder(ReportingTexts.FollowUpsHeader(total, overdue)).Append('\n');
        foreach (var f in rows)
        {
            var late = today.DayNumber - f.DueDate.DayNumber;
            sb.Append("\n• <b>No. ").Append(f.Id).Append("</b> ")
              .Append(ReportingTexts.FollowUpDue(late, f.DueDate))
              .Append(" · ").Append(Html.Escape(f.NamaPengurus)).Append(" (").Append(Html.Escape(f.IdKpm)).Append("): ")
              .Append(Html.Escape(Privacy.Mask.Text(HouseholdTexts.Cut(f.Issue, 70))));
        }
        if (total > rows.Count) sb.Append('\n').Append(ReportingTexts.AndMore(total - rows.Count));
        sb.Append("\n\n").Append(ReportingTexts.FollowUpsCloseHint);
        ctx.Reply(sb.ToString());
    }
}

/// <summary>/selesai NO catatan: closes a follow-up within the caller's scope, with an audit entry.</summary>
public sealed class SelesaiCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("selesai", "Tutup tindak lanjut: /selesai NO catatan", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var parts = ctx.Message.Args.TrimStart('#').Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.Reply(ReportingTexts.FollowUpCloseUsage);
            return;
        }
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var f = await ctx.Db.FollowUps.Where(x => x.Id == id && scope.Any(h => h.Id == x.HouseholdId)).FirstOrDefaultAsync(ct);
        if (f is null)
        {
            ctx.Reply(ReportingTexts.FollowUpNotFound(id));
            return;
        }
        if (f.Status == FollowUpStatus.Closed)
        {
            ctx.Reply(ReportingTexts.FollowUpAlreadyClosed(id, f.ClosedAt ?? ctx.Now));
            return;
        }
        if (parts.Length < 2 || parts[1].Trim().Length < 2)
        {
            ctx.Reply(ReportingTexts.FollowUpNeedsNote(id));
            return;
        }
        f.Status = FollowUpStatus.Closed;
        f.ClosedAt = ctx.Now;
        var closing = Privacy.Mask.Text(parts[1]);
        f.ClosingNote = closing.Length > 2000 ? closing[..2000] : closing;
        ctx.Audit("followup.close", nameof(FollowUp), f.Id.ToString(), $"household:{f.HouseholdId}");
        ctx.Reply(ReportingTexts.FollowUpClosed(id));
    }
}

/// <summary>"tl:list" (the button under reminders and digests): the same list as /tindaklanjut, checked by role.</summary>
public sealed class TindakLanjutButton(TindakLanjutCommand list) : ICallbackHandler
{
    public string Prefix => "tl";

    public async Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct)
    {
        if (payload != "list" || !list.Spec.Roles.Contains(ctx.Caller.Role))
        {
            ctx.Reply(Texts.StaleButton);
            return;
        }
        await list.HandleAsync(ctx, ct);
    }
}
