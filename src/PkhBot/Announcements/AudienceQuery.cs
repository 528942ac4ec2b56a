using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Onboarding;

namespace PkhBot.Announcements;

/// <summary>Who an announcement reaches. Opted-out and unreachable users are excluded before counting.</summary>
public static class AudienceQuery
{
    public sealed record Recipient(long ChatId, string Channel);

    public sealed record Count(int Recipients, int Excluded);

    public static IQueryable<ChatIdentity> All(PkhDbContext db, string audience, IReadOnlyCollection<int> kecamatanIds)
        => audience == "kpm"
            ? db.Identities.Where(i => i.Role == Role.Kpm && i.DesaId != null
                && db.Desa.Any(d => d.Id == i.DesaId && kecamatanIds.Contains(d.KecamatanId)))
            : db.Identities.Where(i => i.Role == Role.Pendamping && i.Pendamping != null
                && i.Pendamping.Active && i.Pendamping.KecamatanId != null && kecamatanIds.Contains(i.Pendamping.KecamatanId.Value));

    public static async Task<Count> CountAsync(PkhDbContext db, string audience, IReadOnlyCollection<int> kecamatanIds, CancellationToken ct)
    {
        var all = All(db, audience, kecamatanIds);
        var total = await all.CountAsync(ct);
        var reachable = await all.CountAsync(i => !i.OptedOut && !i.Unreachable, ct);
        return new Count(reachable, total - reachable);
    }

    public static Task<List<Recipient>> RecipientsAsync(PkhDbContext db, string audience, IReadOnlyCollection<int> kecamatanIds, CancellationToken ct)
        => All(db, audience, kecamatanIds).Where(i => !i.OptedOut && !i.Unreachable)
            .OrderBy(i => i.Id).Select(i => new Recipient(i.ChatId, i.Channel)).ToListAsync(ct);
}
