namespace PkhBot.Reporting;

public enum ReportCategory
{
    Kunjungan = 0,
    Pendidikan = 1,
    Kesehatan = 2,
    P2k2 = 3,
    Usaha = 4,
    Kendala = 5,
    Graduasi = 6,
}

public sealed class ProgressReport
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Households.Household? Household { get; set; }
    public int PendampingId { get; set; }
    /// <summary>When it happened (a report sent late from a weak signal keeps its real date).</summary>
    public DateTimeOffset EventAt { get; set; }
    /// <summary>When the bot received it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public ReportCategory Category { get; set; }
    public required string Note { get; set; }
    /// <summary>Monthly income or turnover in rupiah, when the note states one.</summary>
    public long? IncomeRupiah { get; set; }
    /// <summary>School attendance percentage, when the note states one.</summary>
    public int? AttendancePercent { get; set; }
    /// <summary>Other structured values pulled from the note, as JSON.</summary>
    public string? ValuesJson { get; set; }
    public string? PhotoFileId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The Telegram update that created it, for tracing redeliveries.</summary>
    public long? SourceUpdateId { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

public enum FollowUpStatus
{
    Open = 0,
    Closed = 1,
}

public sealed class FollowUp : Data.IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Households.Household? Household { get; set; }
    public int PendampingId { get; set; }
    public int? ReportId { get; set; }
    public required string Issue { get; set; }
    public DateOnly DueDate { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingNote { get; set; }
    public Guid Version { get; set; }
}

public sealed class P2K2Session
{
    public int Id { get; set; }
    public int PendampingId { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>Official module name (see P2K2 modules in the knowledge base).</summary>
    public required string Module { get; set; }
    public string? Note { get; set; }
    public int AttendeeCount { get; set; }
    public List<P2K2Attendance> Attendance { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class P2K2Attendance
{
    public int SessionId { get; set; }
    public int HouseholdId { get; set; }
}

public enum GraduationType
{
    Mandiri = 0,
    Alamiah = 1,
}

public sealed class Graduation
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Households.Household? Household { get; set; }
    public int PendampingId { get; set; }
    public GraduationType Type { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset GraduatedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>Who confirmed it (the chat user), so that only they may undo it within the window.</summary>
    public long? RecordedByUserId { get; set; }
    /// <summary>The household's status before, restored by /batal G&lt;no&gt;.</summary>
    public Households.HouseholdStatus PreviousStatus { get; set; }
    /// <summary>Telegram file id of the photo of the signed surat pernyataan (graduasi mandiri); null while missing.</summary>
    public string? StatementPhotoFileId { get; set; }
}
