using System.ComponentModel.DataAnnotations;

namespace PkhBot.Operations;

public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Where health, metrics (and the webhook) listen. Keep it local; a reverse proxy fronts it.</summary>
    [Required(ErrorMessage = "Operations:Urls kosong: isi mis. 'http://127.0.0.1:5080'.")]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    public bool MetricsEnabled { get; set; } = true;
}
