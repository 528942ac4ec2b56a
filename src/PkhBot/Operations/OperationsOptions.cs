using System.ComponentModel.DataAnnotations;

namespace PkhBot.Operations;

public sealed class OperationsOptions : IValidatableObject
{
    public const string SectionName = "Operations";

    /// <summary>Where health, metrics (and the webhook) listen. Keep it local; a reverse proxy fronts it.</summary>
    [Required(ErrorMessage = "Operations:Urls kosong: isi mis. 'http://127.0.0.1:5080'.")]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// When set (e.g. http://127.0.0.1:5081), /health/* and /metrics listen here only, apart from the webhook on
    /// <see cref="Urls"/> (which then answers neither). Keep it on loopback: a scraper or probe on the same machine.
    /// Empty: both share <see cref="Urls"/>.
    /// </summary>
    public string? HealthUrls { get; set; }

    /// <summary>The ports of <see cref="HealthUrls"/> (empty when they share <see cref="Urls"/>).</summary>
    public IReadOnlySet<int> HealthPorts() => string.IsNullOrWhiteSpace(HealthUrls)
        ? new HashSet<int>()
        : HealthUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : -1)
            .ToHashSet();

    public bool MetricsEnabled { get; set; } = true;

    /// <summary>/health/ready turns unhealthy when polling has had no successful Bot API call for this long.</summary>
    [Range(5, 3600, ErrorMessage = "Operations:TelegramStaleSeconds harus 5 sampai 3600 (detik tanpa panggilan Bot API berhasil sebelum tidak siap).")]
    public int TelegramStaleSeconds { get; set; } = 120;

    /// <summary>How often an idle worker hands unused memory back (<see cref="IdleMemoryTrimmer"/>); 0 turns it off.</summary>
    [Range(0, 86400, ErrorMessage = "Operations:IdleTrimSeconds harus 0 sampai 86400 (0 = mati).")]
    public int IdleTrimSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(HealthUrls)) yield break;
        var ports = HealthPorts();
        if (ports.Contains(-1) || ports.Contains(0))
            yield return new ValidationResult("Operations:HealthUrls harus alamat lengkap dengan port tetap, mis. 'http://127.0.0.1:5081'.", [nameof(HealthUrls)]);
    }
}
