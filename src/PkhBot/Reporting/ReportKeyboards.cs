using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>Buttons shared by the reporting commands. Payloads carry ids only; handlers re-check scope.</summary>
public static class ReportKeyboards
{
    public static Keyboard Categories(string prefix, string? cancelData)
    {
        Button B(ReportCategory c) => Button.Callback(ReportCategories.Name(c), prefix + ReportCategories.Name(c));
        var rows = new List<IReadOnlyList<Button>>
        {
            new[] { B(ReportCategory.Kunjungan), B(ReportCategory.Pendidikan), B(ReportCategory.Kesehatan) },
            new[] { B(ReportCategory.P2k2), B(ReportCategory.Usaha), B(ReportCategory.Kendala) },
            cancelData is null ? new[] { B(ReportCategory.Graduasi) } : new[] { B(ReportCategory.Graduasi), Button.Callback("Batal", cancelData) },
        };
        return new Keyboard(rows);
    }

    public static Button HouseholdButton(HouseholdHit h, string data) => Button.Callback(Short(h.Nama) + " · " + h.IdKpm, data);

    public static string Short(string name) => name.Length <= 24 ? name : name[..23] + "…";

    /// <summary>The caller's most recently reported households, then the least recently visited ones, up to <paramref name="take"/>.</summary>
    public static async Task<IReadOnlyList<HouseholdHit>> RecentAsync(ConversationContext ctx, int take, CancellationToken ct)
    {
        var scope = HouseholdScope.Visible(ctx.Db, ctx.Caller);
        var me = ctx.Caller.PendampingId ?? -1;
        var recentIds = (await ctx.Db.Reports.Where(r => r.PendampingId == me && !r.Withdrawn)
                .OrderByDescending(r => r.ReceivedAt).Select(r => r.HouseholdId).Take(50).ToListAsync(ct))
            .Distinct().Take(take).ToList();
        var recent = await scope.Where(h => recentIds.Contains(h.Id))
            .Select(h => new HouseholdHit(h.Id, h.IdKpm, h.NamaPengurus, h.Desa!.Nama, 1)).ToListAsync(ct);
        var list = recentIds.Select(id => recent.FirstOrDefault(r => r.Id == id)).OfType<HouseholdHit>().ToList();
        if (list.Count < take)
        {
            var more = await scope.Where(h => !recentIds.Contains(h.Id) && h.Status == HouseholdStatus.Aktif)
                .OrderBy(h => h.LastReportAt).ThenBy(h => h.NamaPengurus).Take(take - list.Count)
                .Select(h => new HouseholdHit(h.Id, h.IdKpm, h.NamaPengurus, h.Desa!.Nama, 1)).ToListAsync(ct);
            list.AddRange(more);
        }
        return list;
    }
}
