using System.Text;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>/graduasi ID mandiri|alamiah alasan: records the graduation, changes the status, audits it.</summary>
public sealed class GraduasiCommand : ICommandHandler
{
    public CommandSpec Spec { get; } = new("graduasi", "Catat graduasi: /graduasi ID mandiri|alamiah alasan", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var parts = ctx.Message.Args.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            ctx.Reply(ReportingTexts.GraduationUsage);
            return;
        }
        GraduationType? type = NameSearch.Normalize(parts[1]) switch
        {
            var w when w.StartsWith("mandiri", StringComparison.Ordinal) || NameSearch.Distance(w, "mandiri") <= 1 => GraduationType.Mandiri,
            var w when w.StartsWith("alami", StringComparison.Ordinal) || NameSearch.Distance(w, "alamiah") <= 1 => GraduationType.Alamiah,
            _ => null,
        };
        if (type is null)
        {
            ctx.Reply(ReportingTexts.GraduationUnknownType(parts[1]));
            return;
        }
        var id = parts[0];
        var h = await HouseholdScope.Visible(ctx.Db, ctx.Caller).FirstOrDefaultAsync(x => x.IdKpm == id, ct);
        if (h is null)
        {
            ctx.Reply(await ctx.Db.Households.AnyAsync(x => x.IdKpm == id, ct)
                ? ReportingTexts.GraduationNotInScope
                : ReportingTexts.GraduationHouseholdNotFound(id));
            return;
        }
        if (h.Status is HouseholdStatus.GraduasiMandiri or HouseholdStatus.GraduasiAlamiah)
        {
            ctx.Reply(ReportingTexts.GraduationAlready(h));
            return;
        }
        var pendampingId = ctx.Caller.PendampingId ?? h.PendampingId;
        if (pendampingId is null)
        {
            ctx.Reply(ReportingTexts.GraduationNoPendamping);
            return;
        }
        var g = new Graduation
        {
            HouseholdId = h.Id,
            PendampingId = pendampingId.Value,
            Type = type.Value,
            Reason = parts[2].Length > 1000 ? parts[2][..1000] : parts[2],
            GraduatedAt = ctx.Now,
            RecordedAt = ctx.Now,
        };
        ctx.Db.Graduations.Add(g);
        h.Status = type == GraduationType.Mandiri ? HouseholdStatus.GraduasiMandiri : HouseholdStatus.GraduasiAlamiah;
        h.UpdatedAt = ctx.Now;
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("graduation.create", nameof(Graduation), g.Id.ToString(), $"household:{h.Id} jenis:{type.Value.ToString().ToLowerInvariant()}");
        ctx.Reply(ReportingTexts.GraduationRecorded(g, h));
    }
}

/// <summary>/kandidat: households that look ready for graduasi, each with the rule that fired.</summary>
public sealed class KandidatCommand(GraduationCandidates candidates) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("kandidat", "KPM yang tampak siap graduasi", CommandSpec.Staff);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var list = await candidates.FindAsync(ctx.Db, ctx.Caller, ctx.Now, ct);
        var r = candidates.Rules;
        if (list.Count == 0)
        {
            ctx.Reply(ReportingTexts.NoCandidates(r));
            return;
        }
        var mandiri = list.Count(c => c.Suggested == GraduationType.Mandiri);
        var sb = new StringBuilder(ReportingTexts.CandidatesHeader(list.Count, mandiri)).Append('\n');
        foreach (var c in list.Take(30))
            sb.Append("\n• ").Append(Html.Escape(c.Nama)).Append(" (<code>").Append(Html.Escape(c.IdKpm)).Append("</code>) → ")
              .Append(ReportingTexts.GraduationTypeName(c.Suggested)).Append(": ").Append(Html.Escape(string.Join("; ", c.Rules)));
        if (list.Count > 30) sb.Append('\n').Append(ReportingTexts.AndMore(list.Count - 30));
        sb.Append("\n\n").Append(ReportingTexts.CandidatesRecordHint);
        ctx.Reply(sb.ToString(), Keyboard.Column(list.Take(8).Select(c => Button.Callback(ReportKeyboards.Short(c.Nama) + " · " + c.IdKpm, $"kpm:c:{c.HouseholdId}"))));
    }
}
