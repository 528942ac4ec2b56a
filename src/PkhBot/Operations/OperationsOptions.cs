using System.ComponentModel.DataAnnotations;

namespace PkhBot.Operations;

public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Where health, metrics (and the webhook) listen. Keep it local; a reverse proxy fronts it.</summary>
    [Required(ErrorMessage = "Operations:Urls kosong: isi mis. 'http://127.0.0.1:5080'.")]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    public bool MetricsEnabled { get; set; } = true;

    /// <summary>/health/ready turns unhealthy when polling has had no successful Bot API call for this long.</summary>
    [Range(5, 3600, ErrorMessage = "Operations:TelegramStaleSeconds harus 5 sampai 3600 (detik tanpa panggilan Bot API berhasil sebelum tidak siap).")]
    public int TelegramStaleSeconds { get; set; } = 120;

    /// <summary>How often an idle worker hands unused memory back (<see cref="IdleMemoryTrimmer"/>); 0 turns it off.</summary>
    [Range(0, 86400, ErrorMessage = "Operations:IdleTrimSeconds harus 0 sampai 86400 (0 = mati).")]
    public int IdleTrimSeconds { get; set; } = 60;
}
