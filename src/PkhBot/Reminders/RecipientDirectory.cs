using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Onboarding;

namespace PkhBot.Reminders;

/// <summary>
/// The chats that may receive routine nudges: staff identities that did not opt out (/berhenti) and
/// that Telegram has not reported unreachable. Loaded once per run (a few thousand small rows).
/// </summary>
public sealed class RecipientDirectory(PkhDbContext db)
{
    public async Task<Dictionary<int, List<Recipient>>> PendampingAsync(CancellationToken ct)
    {
        var rows = await db.Identities.AsNoTracking()
            .Where(i => i.Role == Role.Pendamping && i.PendampingId != null && !i.OptedOut && !i.Unreachable
                        && i.Pendamping!.Active)
            .Select(i => new { Id = i.PendampingId!.Value, i.Channel, i.ChatId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => new Recipient(r.Channel, r.ChatId)).ToList());
    }

    public async Task<Dictionary<int, List<Recipient>>> CoordinatorsAsync(CancellationToken ct)
    {
        var rows = await db.Identities.AsNoTracking()
            .Where(i => i.Role == Role.Koordinator && i.CoordinatorId != null && !i.OptedOut && !i.Unreachable)
            .Select(i => new { Id = i.CoordinatorId!.Value, i.Channel, i.ChatId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => new Recipient(r.Channel, r.ChatId)).ToList());
    }

    /// <summary>Officers of each partner agency (by catalogue code).</summary>
    public async Task<Dictionary<string, List<Recipient>>> MitraAsync(CancellationToken ct)
    {
        var rows = await db.Identities.AsNoTracking()
            .Where(i => i.Role == Role.Mitra && i.MitraCode != null && !i.OptedOut && !i.Unreachable)
            .Select(i => new { Code = i.MitraCode!, i.Channel, i.ChatId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Select(r => new Recipient(r.Channel, r.ChatId)).ToList());
    }

    /// <summary>Every coordinator with its scope (whole kabupaten, or its kecamatan ids).</summary>
    public async Task<List<CoordinatorScope>> CoordinatorScopesAsync(CancellationToken ct)
    {
        var rows = await db.Coordinators.AsNoTracking()
            .Select(c => new { c.Id, c.Nama, c.WholeKabupaten, Kec = c.Kecamatan.Select(k => k.KecamatanId).ToList() })
            .ToListAsync(ct);
        return rows.Select(r => new CoordinatorScope(r.Id, r.Nama, r.WholeKabupaten, r.Kec)).ToList();
    }
}

public sealed record CoordinatorScope(int Id, string Nama, bool WholeKabupaten, IReadOnlyList<int> KecamatanIds)
{
    public bool Covers(int kecamatanId) => WholeKabupaten || KecamatanIds.Contains(kecamatanId);
}
