using Microsoft.EntityFrameworkCore;
using PkhBot.Data;
using PkhBot.Onboarding;

namespace PkhBot.Conversation;

/// <summary>Finds the identity behind a chat user and keeps its chat id and last-seen time fresh.</summary>
public sealed class CallerResolver(PkhDbContext db, Microsoft.Extensions.Options.IOptions<OnboardingOptions> onboarding)
{
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    // Compiled once: this runs for every message, and translating it each time cost more than running it.
    private static readonly Func<PkhDbContext, long, CancellationToken, Task<ChatIdentity?>> ByUserId =
        EF.CompileAsyncQuery((PkhDbContext db, long userId, CancellationToken ct) => db.Identities
            .Include(i => i.Coordinator!).ThenInclude(c => c.Kecamatan)
            .FirstOrDefault(i => i.UserId == userId));

    public async Task<Caller> ResolveAsync(Incoming msg, DateTimeOffset now, CancellationToken ct)
    {
        var identity = await ByUserId(db, msg.UserId, ct);
        if (identity is null) return Caller.Anonymous(msg.UserId, msg.DisplayName);

        // Once a minute is fresh enough for "last seen" and spares a write on every message of a busy user.
        if (now - identity.LastSeenAt >= LastSeenResolution) identity.LastSeenAt = now;
        if (msg.ChatType == "private") identity.ChatId = msg.ChatId;
        // A user who blocked the bot counts as unreachable until they write again.
        identity.Unreachable = false;
        return FromIdentity(identity, onboarding.Value.RequirePhoneMatch);
    }

    /// <param name="requirePhoneMatch">Onboarding:RequirePhoneMatch: an unverified pendamping is restricted (see <see cref="Caller.PhoneUnverified"/>).</param>
    public static Caller FromIdentity(ChatIdentity identity, bool requirePhoneMatch = true) => new(
        identity.UserId,
        identity.Role,
        identity.Id,
        identity.Role == Role.Pendamping && (identity.PhoneVerified || !requirePhoneMatch) ? identity.PendampingId : null,
        identity.Role == Role.Koordinator ? identity.CoordinatorId : null,
        identity.Coordinator?.WholeKabupaten ?? false,
        identity.Role == Role.Pemantau
            ? identity.PemantauKecamatanId is int k ? [k] : []
            : identity.Coordinator?.Kecamatan.Select(k => k.KecamatanId).ToList() ?? [],
        identity.DisplayName ?? "",
        PhoneUnverified: identity.Role == Role.Pendamping && !identity.PhoneVerified && requirePhoneMatch)
    {
        MitraCode = identity.Role == Role.Mitra ? identity.MitraCode : null,
        PemantauDesaId = identity.Role == Role.Pemantau ? identity.DesaId : null,
    };
}
