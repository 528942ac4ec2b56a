using PkhBot.Onboarding;

namespace PkhBot.Conversation;

/// <summary>Who is writing, with the scope every handler must respect.</summary>
/// <param name="PhoneUnverified">
/// A pendamping who has not yet shared the roster's phone number (Onboarding:RequirePhoneMatch): restricted, with no
/// pendamping id, so every scope check (HouseholdScope, CanSee, IsPendamping) finds nothing until they do.
/// </param>
public sealed record Caller(
    long UserId,
    Role Role,
    int? IdentityId,
    int? PendampingId,
    int? CoordinatorId,
    bool WholeKabupaten,
    IReadOnlyList<int> KecamatanIds,
    string DisplayName,
    bool PhoneUnverified = false)
{
    public bool IsPendamping => Role == Role.Pendamping && PendampingId is not null;
    public bool IsKoordinator => Role == Role.Koordinator && CoordinatorId is not null;
    public bool IsAdmin => Role == Role.Admin;
    /// <summary>A partner agency's officer; <see cref="MitraCode"/> names the agency.</summary>
    public bool IsMitra => Role == Role.Mitra && MitraCode is not null;
    public string? MitraCode { get; init; }
    /// <summary>A camat or kepala desa: figures of <see cref="KecamatanIds"/> (and <see cref="PemantauDesaId"/>), no names.</summary>
    public bool IsPemantau => Role == Role.Pemantau && KecamatanIds.Count == 1;
    public int? PemantauDesaId { get; init; }
    /// <summary>KPM or someone who never used /start: questions only, never anyone's data.</summary>
    public bool IsPublic => Role is Role.Kpm or Role.None;

    /// <summary>"pendamping:12", used in the audit trail (never a name or a number that identifies a person outside the bot).</summary>
    public string AuditActor => Role switch
    {
        Role.Pendamping when PendampingId is not null => $"pendamping:{PendampingId}",
        Role.Koordinator => $"koordinator:{CoordinatorId}",
        Role.Admin => $"admin:{IdentityId}",
        Role.Mitra => $"mitra:{MitraCode}:{IdentityId}",
        Role.Pemantau => $"pemantau:{IdentityId}",
        _ => $"user:{IdentityId?.ToString() ?? "?"}",
    };

    /// <summary>Whether a household in this kecamatan, assigned to this pendamping, is within scope.</summary>
    public bool CanSee(int kecamatanId, int? pendampingId) => Role switch
    {
        Role.Admin => true,
        Role.Koordinator => WholeKabupaten || KecamatanIds.Contains(kecamatanId),
        Role.Pendamping => PendampingId is not null && pendampingId == PendampingId,
        _ => false,
    };

    public static Caller Anonymous(long userId, string? name) => new(userId, Role.None, null, null, null, false, [], name ?? "");
}
