using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Onboarding;

/// <summary>Who has access and taking it back (`users list|revoke`, `invite list|revoke`). Never a whole phone number, never a code.</summary>
public sealed class UserAccess(PkhDbContext db, WriteGate writeGate, TimeProvider clock)
{
    public sealed record UserRow(long TelegramUserId, string Role, string Scope, bool? PhoneVerified, DateTimeOffset LastSeen, string Channel);

    public sealed record InviteRow(int Id, string Role, string Target, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Status, long? UsedByUserId);

    public enum RevokeOutcome { Revoked, Unknown, NotStaff, Used }

    /// <summary>Staff (pendamping, koordinator, admin); with <paramref name="all"/> also KPM and users who only wrote.</summary>
    public async Task<List<UserRow>> ListUsersAsync(bool all, CancellationToken ct)
    {
        var query = db.Identities.AsNoTracking().Include(i => i.Pendamping).Include(i => i.Coordinator!).ThenInclude(c => c.Kecamatan).ThenInclude(k => k.KecamatanRef).AsQueryable();
        if (!all) query = query.Where(i => i.Role == Role.Pendamping || i.Role == Role.Koordinator || i.Role == Role.Admin);
        var identities = await query.OrderBy(i => i.Role).ThenBy(i => i.UserId).ToListAsync(ct);
        return identities.Select(i => new UserRow(i.UserId, Texts.RoleName(i.Role), ScopeOf(i), i.Role == Role.Pendamping ? i.PhoneVerified : null, i.LastSeenAt, i.Channel)).ToList();
    }

    /// <summary>Removes the role at once (the next message is handled as a stranger's), writes the audit entry and tells the person.</summary>
    public async Task<(RevokeOutcome Outcome, string Role)> RevokeUserAsync(long userId, CancellationToken ct)
    {
        using var writing = await writeGate.EnterAsync(ct);
        var identity = await db.Identities.FirstOrDefaultAsync(i => i.UserId == userId, ct);
        if (identity is null) return (RevokeOutcome.Unknown, "");
        if (identity.Role is not (Role.Pendamping or Role.Koordinator or Role.Admin)) return (RevokeOutcome.NotStaff, Texts.RoleName(identity.Role));

        var now = clock.GetUtcNow();
        var old = identity.Role;
        var scope = identity.PendampingId is { } p ? $"pendamping={p}" : identity.CoordinatorId is { } c ? $"koordinator={c}" : "admin";
        identity.Role = Role.None;
        identity.PendampingId = null;
        identity.CoordinatorId = null;
        identity.PhoneVerified = false;
        // A half-done flow (a report being written) must not outlive the role.
        await db.Flows.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        db.Audit.Add(new AuditEntry
        {
            At = now, Actor = "cli", Action = "identity.revoke", Entity = "identity",
            EntityId = identity.Id.ToString(CultureInfo.InvariantCulture), Details = $"role={old} {scope}",
        });
        db.Outbox.Add(OutboxMessageFactory.Create(identity.Channel, identity.ChatId, new Reply(OnboardingTexts.AccessRevoked), OutboxKind.Reply, now));
        await db.SaveChangesAsync(ct);
        return (RevokeOutcome.Revoked, Texts.RoleName(old));
    }

    public async Task<List<InviteRow>> ListInvitesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invites = await db.Invites.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct);
        var pendamping = await db.Pendamping.AsNoTracking().Where(p => invites.Select(i => i.PendampingId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Kode, ct);
        var coordinators = await db.Coordinators.AsNoTracking().Where(c => invites.Select(i => i.CoordinatorId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Nama, ct);
        return invites.Select(i => new InviteRow(
            i.Id, Texts.RoleName(i.Role),
            i.PendampingId is { } p ? pendamping.GetValueOrDefault(p, "?") : i.CoordinatorId is { } c ? coordinators.GetValueOrDefault(c, "?") : "kabupaten",
            i.CreatedAt, i.ExpiresAt,
            i.RevokedAt is not null ? "dicabut" : i.UsedAt is not null ? "dipakai" : i.ExpiresAt <= now ? "kedaluwarsa" : "aktif",
            i.UsedByUserId)).ToList();
    }

    /// <summary>By the code itself or by "#ID" from `invite list` (codes are stored only as hashes).</summary>
    public async Task<(RevokeOutcome Outcome, int InviteId, long? UsedBy)> RevokeInviteAsync(string codeOrId, CancellationToken ct)
    {
        using var writing = await writeGate.EnterAsync(ct);
        var text = codeOrId.Trim();
        Invite? invite;
        if (text.StartsWith('#') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            invite = await db.Invites.FirstOrDefaultAsync(i => i.Id == id, ct);
        else if (InviteCode.IsWellFormed(text))
        {
            var hash = InviteCode.Hash(text);
            invite = await db.Invites.FirstOrDefaultAsync(i => i.CodeHash == hash, ct);
        }
        else invite = null;
        if (invite is null) return (RevokeOutcome.Unknown, 0, null);
        if (invite.UsedAt is not null) return (RevokeOutcome.Used, invite.Id, invite.UsedByUserId);
        if (invite.RevokedAt is null)
        {
            var now = clock.GetUtcNow();
            invite.RevokedAt = now;
            db.Audit.Add(new AuditEntry { At = now, Actor = "cli", Action = "invite.revoke", Entity = "invite", EntityId = invite.Id.ToString(CultureInfo.InvariantCulture), Details = $"role={invite.Role}" });
            await db.SaveChangesAsync(ct);
        }
        return (RevokeOutcome.Revoked, invite.Id, null);
    }

    private static string ScopeOf(ChatIdentity i) => i.Role switch
    {
        Role.Pendamping => i.Pendamping?.Kode ?? "-",
        Role.Koordinator when i.Coordinator is { WholeKabupaten: true } => "kabupaten",
        Role.Koordinator when i.Coordinator is { } c => string.Join(", ", c.Kecamatan.Select(k => k.KecamatanRef?.Nama).OfType<string>().Order()),
        Role.Admin => "kabupaten",
        _ => "-",
    };
}
