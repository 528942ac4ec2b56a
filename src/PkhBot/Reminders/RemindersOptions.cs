using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PkhBot.Reminders;

/// <summary>Section "Reminders": schedules, calendar, quiet hours, thresholds and Quartz's own store.</summary>
public sealed class RemindersOptions : IValidatableObject
{
    public const string SectionName = "Reminders";

    /// <summary>IANA id; falls back to a fixed UTC+7 "WIB" zone when tzdata is missing from the image.</summary>
    [Required(ErrorMessage = "Reminders:TimeZone kosong: isi 'Asia/Jakarta'.")]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Public holidays (yyyy-MM-dd) on which no routine nudge goes out.</summary>
    public List<string> Holidays { get; set; } = [];

    public bool SkipWeekends { get; set; } = true;

    /// <summary>Local time (HH:mm) from which nothing is delivered ...</summary>
    public string QuietHoursStart { get; set; } = "21:00";
    /// <summary>... until this local time (HH:mm). The same time as the start: no quiet hours.</summary>
    public string QuietHoursEnd { get; set; } = "06:00";

    public ReminderCrons Cron { get; set; } = new();

    [Range(1, 365, ErrorMessage = "Reminders:NoReportDays harus 1-365 (hari tanpa laporan sebelum KPM diingatkan).")]
    public int NoReportDays { get; set; } = 30;
    [Range(1, 365, ErrorMessage = "Reminders:EscalationOverdueDays harus 1-365.")]
    public int EscalationOverdueDays { get; set; } = 7;
    [Range(1, 365, ErrorMessage = "Reminders:SilentPendampingDays harus 1-365.")]
    public int SilentPendampingDays { get; set; } = 14;
    [Range(0, 20, ErrorMessage = "Reminders:NamesListed harus 0-20.")]
    public int NamesListed { get; set; } = 3;
    [Range(50, 10_000, ErrorMessage = "Reminders:BatchSize harus 50-10000.")]
    public int BatchSize { get; set; } = 1000;
    [Range(1, 1_000_000, ErrorMessage = "Reminders:ExportMaxRows harus 1-1000000.")]
    public int ExportMaxRows { get; set; } = 50_000;

    public QuartzStoreOptions Store { get; set; } = new();

    internal static TimeOnly ParseTime(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(QuietHoursStart), QuietHoursStart), (nameof(QuietHoursEnd), QuietHoursEnd) })
            if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                yield return new ValidationResult($"Reminders:{name} '{value}' salah: isi jam HH:mm, mis. '21:00'.", [name]);
        foreach (var h in Holidays)
            if (!DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                yield return new ValidationResult($"Reminders:Holidays berisi '{h}': isi tanggal yyyy-MM-dd, mis. '2025-12-25'.", [nameof(Holidays)]);
        foreach (var (job, cron) in Cron.All())
            if (!Quartz.CronExpression.TryParse(cron, out _))
                yield return new ValidationResult($"Reminders:Cron:{job} '{cron}' bukan ekspresi cron Quartz yang sah, mis. '0 30 7 ? * MON'.", [nameof(Cron)]);
        if (!Store.IsSqlite && !Store.IsSqlServer)
            yield return new ValidationResult($"Reminders:Store:Provider '{Store.Provider}' tidak dikenal: isi 'Sqlite' atau 'SqlServer'.", [nameof(Store)]);
        if (string.IsNullOrWhiteSpace(Store.ConnectionString))
            yield return new ValidationResult("Reminders:Store:ConnectionString kosong: isi mis. 'Data Source=pkhbot-quartz.db' (file sendiri, bukan file database utama).", [nameof(Store)]);
        if (Store.IsSqlite && Store.Clustered)
            yield return new ValidationResult("Reminders:Store:Clustered hanya untuk SqlServer: SQLite tidak bisa clustering, set ke false.", [nameof(Store)]);
    }
}

/// <summary>Quartz cron expressions (seconds first), evaluated in <see cref="RemindersOptions.TimeZone"/>.</summary>
public sealed class ReminderCrons
{
    public string PendampingWeekly { get; set; } = "0 30 7 ? * MON";
    public string FollowUpDue { get; set; } = "0 0 8 ? * *";
    public string Escalation { get; set; } = "0 0 9 ? * *";
    public string CoordinatorWeekly { get; set; } = "0 0 8 ? * MON";
    /// <summary>Fires on working days; the planner sends only once a month, from the first working day on.</summary>
    public string GraduationCandidates { get; set; } = "0 30 8 ? * MON-FRI";
    /// <summary>Referrals a mitra left unanswered (Referrals:UnansweredDays): the mitra is nudged, the coordinator told.</summary>
    public string ReferralUnanswered { get; set; } = "0 0 10 ? * MON-FRI";

    public IEnumerable<(string Job, string Cron)> All() =>
    [
        (JobNames.PendampingWeekly, PendampingWeekly),
        (JobNames.FollowUpDue, FollowUpDue),
        (JobNames.Escalation, Escalation),
        (JobNames.CoordinatorWeekly, CoordinatorWeekly),
        (JobNames.GraduationCandidates, GraduationCandidates),
        (JobNames.ReferralUnanswered, ReferralUnanswered),
    ];

    public string For(string job) => All().First(j => j.Job == job).Cron;
}

/// <summary>Quartz's persistent store: its own SQLite file by default, SQL Server (clustered) in production.</summary>
public sealed class QuartzStoreOptions
{
    public string Provider { get; set; } = "Sqlite";
    public string ConnectionString { get; set; } = "Data Source=pkhbot-quartz.db";
    /// <summary>Several worker instances on one SQL Server database fire each job once.</summary>
    public bool Clustered { get; set; }
    /// <summary>Create missing Quartz tables at start. Default: on for SQLite; SQL Server DBAs run quartz-sqlserver.sql.</summary>
    public bool? ProvisionSchema { get; set; }
    public string SchedulerName { get; set; } = "PkhBot";
    public int ThreadCount { get; set; } = 2;

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
}

public static class JobNames
{
    public const string PendampingWeekly = "pendamping-weekly";
    public const string FollowUpDue = "followup-due";
    public const string Escalation = "escalation";
    public const string CoordinatorWeekly = "coordinator-weekly";
    public const string GraduationCandidates = "graduation-candidates";
    public const string ReferralUnanswered = "referral-unanswered";
}
