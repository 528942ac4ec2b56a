using System.ComponentModel.DataAnnotations;

namespace PkhBot.Retention;

/// <summary>Section "Retention": how long personal data the bot only needed for a while is kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Processed inbox rows, delivered (or given-up) outbox rows, expired flows, answered hand-offs: deleted after this many days.</summary>
    [Range(0, 3650, ErrorMessage = "Retention:Days harus 0 sampai 3650 (hari).")]
    public int Days { get; set; } = 30;

    /// <summary>The audit trail (who did what) is kept longer, for accountability.</summary>
    [Range(0, 36500, ErrorMessage = "Retention:AuditDays harus 0 sampai 36500 (hari).")]
    public int AuditDays { get; set; } = 365;

    /// <summary>Quartz cron (seconds first) in Reminders:TimeZone; default every day at 02:30.</summary>
    [Required(ErrorMessage = "Retention:Cron kosong: isi mis. '0 30 2 * * ?' (setiap hari pukul 02.30).")]
    public string Cron { get; set; } = "0 30 2 * * ?";
}
