using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Onboarding;

public enum RedeemStatus
{
    Ok,
    Wrong,
    Used,
    Expired,
    Blocked,
    Revoked,
}

public sealed record RedeemCheck(RedeemStatus Status, Invite? Invite = null, DateTimeOffset? BlockedUntil = null, int TriesLeft = 0);

/// <summary>Creates invites (CLI) and checks codes sent with /start, slowing down whoever guesses.</summary>
public sealed class InviteService(PkhDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    /// <summary>Wrong codes allowed within <see cref="FailureWindow"/> before the user is blocked for <see cref="BlockFor"/>.</summary>
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan BlockFor = TimeSpan.FromHours(1);

    public sealed record Created(string Code, DateTimeOffset ExpiresAt, int InviteId);

    public Task<Created> CreateAsync(Role role, int? pendampingId, int? coordinatorId, CancellationToken ct)
        => CreateAsync(role, pendampingId, coordinatorId, null, ct);

    public async Task<Created> CreateAsync(Role role, int? pendampingId, int? coordinatorId, string? mitraCode, CancellationToken ct,
        int? kecamatanId = null, int? desaId = null)
    {
        var now = clock.GetUtcNow();
        var code = InviteCode.New();
        var invite = new Invite
        {
            CodeHash = InviteCode.Hash(code), Role = role, PendampingId = pendampingId, CoordinatorId = coordinatorId, MitraCode = mitraCode,
            KecamatanId = kecamatanId, DesaId = desaId,
            CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(ct);
        db.Audit.Add(new AuditEntry { At = now, Actor = "cli", Action = "invite.create", Entity = "invite", EntityId = invite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Details = mitraCode is null ? $"role={role}" : $"role={role} mitra={mitraCode}" });
        await db.SaveChangesAsync(ct);
        return new Created(code, invite.ExpiresAt, invite.Id);
    }

    /// <summary>Checks a code for <paramref name="userId"/>. Changes (failures, blocks) are saved by the caller's transaction.</summary>
    public async Task<RedeemCheck> CheckAsync(long userId, string code, DateTimeOffset now, CancellationToken ct)
    {
        var attempt = await db.InviteAttempts.FirstOrDefaultAsync(a => a.UserId == userId, ct);
        if (attempt?.BlockedUntil is { } until && until > now) return new RedeemCheck(RedeemStatus.Blocked, BlockedUntil: until);

        var invite = InviteCode.IsWellFormed(code)
            ? await db.Invites.FirstOrDefaultAsync(i => i.CodeHash == InviteCode.Hash(code), ct)
            : null;
        if (invite is null) return RegisterFailure(attempt, userId, now);
        if (invite.UsedAt is not null) return new RedeemCheck(RedeemStatus.Used, invite);
        if (invite.RevokedAt is not null) return new RedeemCheck(RedeemStatus.Revoked, invite);
        if (invite.ExpiresAt <= now) return new RedeemCheck(RedeemStatus.Expired, invite);
        return new RedeemCheck(RedeemStatus.Ok, invite);
    }

    /// <summary>Marks the invite used unless someone else got there first (atomic, inside the caller's transaction).</summary>
    public async Task<bool> TryMarkUsedAsync(Invite invite, long userId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Invites.Where(i => i.Id == invite.Id && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByUserId, userId), ct);
        return rows == 1;
    }

    private RedeemCheck RegisterFailure(InviteAttempt? attempt, long userId, DateTimeOffset now)
    {
        if (attempt is null) db.InviteAttempts.Add(attempt = new InviteAttempt { UserId = userId });
        if (now - attempt.LastFailureAt > FailureWindow) attempt.Failures = 0;
        attempt.Failures++;
        attempt.LastFailureAt = now;
        if (attempt.Failures < MaxFailures) return new RedeemCheck(RedeemStatus.Wrong, TriesLeft: MaxFailures - attempt.Failures);
        attempt.Failures = 0;
        attempt.BlockedUntil = now + BlockFor;
        return new RedeemCheck(RedeemStatus.Blocked, BlockedUntil: attempt.BlockedUntil);
    }
}
