namespace PkhBot.Onboarding;

public enum Role
{
    /// <summary>Has never sent /start; treated like a public user.</summary>
    None = 0,
    Kpm = 1,
    Pendamping = 2,
    Koordinator = 3,
    Admin = 4,
    /// <summary>A partner agency or programme (Dinas Koperasi, BAZNAS, PENA ...): sees only the households referred to it.</summary>
    Mitra = 5,
    /// <summary>Camat or kepala desa: read-only figures (/rekap, /ppse) of one kecamatan or desa, never a name.</summary>
    Pemantau = 6,
}

/// <summary>A koordinator kabupaten (whole kabupaten) or kecamatan (a list of kecamatan).</summary>
public sealed class Coordinator
{
    public int Id { get; set; }
    public required string Nama { get; set; }
    public string? Phone { get; set; }
    public bool WholeKabupaten { get; set; }
    public List<CoordinatorKecamatan> Kecamatan { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CoordinatorKecamatan
{
    public int CoordinatorId { get; set; }
    public int KecamatanId { get; set; }
    public Households.Kecamatan? KecamatanRef { get; set; }
}

/// <summary>A chat user (Telegram user id, or a negative id for the console channel) bound to a person and a role.</summary>
public sealed class ChatIdentity
{
    public int Id { get; set; }
    public long UserId { get; set; }
    public long ChatId { get; set; }
    /// <summary>"telegram" or "console".</summary>
    public string Channel { get; set; } = "telegram";
    public Role Role { get; set; }
    public int? PendampingId { get; set; }
    public Households.Pendamping? Pendamping { get; set; }
    public int? CoordinatorId { get; set; }
    public Coordinator? Coordinator { get; set; }
    /// <summary>For a mitra: the agency's code in the catalogue (Referrals/MitraCatalogue), e.g. "DINKOP".</summary>
    public string? MitraCode { get; set; }
    /// <summary>For a pemantau: the kecamatan it watches (a kepala desa also has <see cref="DesaId"/>).</summary>
    public int? PemantauKecamatanId { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>Desa a KPM user said they live in (for hand-off and announcements); nothing more personal is kept.</summary>
    public int? DesaId { get; set; }
    /// <summary>Phone confirmed through request_contact (pendamping only).</summary>
    public bool PhoneVerified { get; set; }
    /// <summary>Asked for no routine nudges or announcements (/berhenti).</summary>
    public bool OptedOut { get; set; }
    /// <summary>Telegram answered 403 (blocked the bot); cleared when they write again.</summary>
    public bool Unreachable { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

public sealed class Invite
{
    public int Id { get; set; }
    /// <summary>SHA-256 of the code: a database leak does not hand out working invites.</summary>
    public required string CodeHash { get; set; }
    public Role Role { get; set; }
    public int? PendampingId { get; set; }
    public int? CoordinatorId { get; set; }
    /// <summary>For <see cref="Role.Mitra"/>: the agency's catalogue code.</summary>
    public string? MitraCode { get; set; }
    /// <summary>For <see cref="Role.Pemantau"/>: the kecamatan, and the desa for a kepala desa.</summary>
    public int? KecamatanId { get; set; }
    public int? DesaId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public long? UsedByUserId { get; set; }
    /// <summary>Withdrawn by an operator (`invite revoke`) before anyone used it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Wrong invite codes per user, to slow down guessing.</summary>
public sealed class InviteAttempt
{
    public long UserId { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}
