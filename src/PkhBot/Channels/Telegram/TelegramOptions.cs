using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace PkhBot.Channels.Telegram;

public enum TelegramMode
{
    Polling = 0,
    Webhook = 1,
}

/// <summary>Section "Telegram". Validated when the worker (`run`) starts; other verbs never talk to Telegram.</summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string SectionName = "Telegram";

    /// <summary>From @BotFather: "&lt;digits&gt;:&lt;secret&gt;". Secret: pass it as the environment variable Telegram__BotToken.</summary>
    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server (or a fake in tests); empty means https://api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS address Telegram posts updates to (webhook mode), e.g. https://bot.example.id/telegram/webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token: 32-256 characters of A-Z a-z 0-9 _ - (Telegram allows 1; a short one is guessable).</summary>
    public string? WebhookSecret { get; set; }

    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>A shorter secret can be guessed by whoever can reach the webhook and forge updates.</summary>
    public const int MinWebhookSecretLength = 32;

    /// <summary>For deep links (t.me/NAME?start=CODE); asked from getMe when empty.</summary>
    public string? BotUsername { get; set; }

    [Range(0, 50, ErrorMessage = "Telegram:PollTimeoutSeconds harus 0 sampai 50 (detik long polling).")]
    public int PollTimeoutSeconds { get; set; } = 25;

    [Range(1, 120, ErrorMessage = "Telegram:SendTimeoutSeconds harus 1 sampai 120.")]
    public int SendTimeoutSeconds { get; set; } = 20;

    [Range(1, 10_000, ErrorMessage = "Telegram:GlobalPerSecond harus 1 sampai 10.000 (batas Telegram: 30; siaran berbayar sampai 1.000).")]
    public int GlobalPerSecond { get; set; } = 30;

    [Range(1, 100, ErrorMessage = "Telegram:PerChatPerSecond harus 1 sampai 100 (batas Telegram: 1).")]
    public double PerChatPerSecond { get; set; } = 1;

    [Range(1, 20, ErrorMessage = "Telegram:PerChatBurst harus 1 sampai 20.")]
    public int PerChatBurst { get; set; } = 1;

    [Range(1, 1000, ErrorMessage = "Telegram:PerGroupPerMinute harus 1 sampai 1000 (batas Telegram: 20).")]
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>
    /// How many users' updates of one polled batch are processed side by side (each user's in order), on SQL Server.
    /// SQLite has one writer: there a batch runs in id order, up to 16 updates per transaction.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Telegram:MaxConcurrentUpdates harus 1 sampai 64.")]
    public int MaxConcurrentUpdates { get; set; } = 4;

    [Range(1, 64, ErrorMessage = "Telegram:MaxConcurrentSends harus 1 sampai 64.")]
    public int MaxConcurrentSends { get; set; } = 8;

    /// <summary>
    /// A message still undelivered this many hours after it was queued is given up (counted, the admins told once).
    /// Transient failures (5xx, timeouts, refused connections, 401) never give a message up by count: they pause
    /// sending for everyone, with back-off capped at a minute, until Telegram answers again.
    /// </summary>
    [Range(1, 720, ErrorMessage = "Telegram:GiveUpAfterHours harus 1 sampai 720 (jam).")]
    public int GiveUpAfterHours { get; set; } = 24;

    public TimeSpan GiveUpAfter => TimeSpan.FromHours(GiveUpAfterHours);

    /// <summary>First back-off after a failed send or poll; doubles on each failure (with jitter), capped.</summary>
    [Range(10, 60_000, ErrorMessage = "Telegram:RetryInitialDelayMs harus 10 sampai 60000 (milidetik).")]
    public int RetryInitialDelayMs { get; set; } = 1000;

    public TimeSpan RetryInitialDelay => TimeSpan.FromMilliseconds(RetryInitialDelayMs);

    /// <summary>Set the /command menus per role at start.</summary>
    public bool SetCommandMenus { get; set; } = true;

    /// <summary>How often newly bound users get their role's menu.</summary>
    [Range(1, 3600, ErrorMessage = "Telegram:MenuRefreshSeconds harus 1 sampai 3600.")]
    public int MenuRefreshSeconds { get; set; } = 30;

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HasToken)
        {
            yield return new ValidationResult(
                "Telegram:BotToken belum diisi. Isi token dari @BotFather lewat variabel lingkungan Telegram__BotToken, atau pakai `chat` untuk mencoba bot tanpa Telegram.",
                [nameof(BotToken)]);
            yield break;
        }
        if (!TokenFormat().IsMatch(BotToken!))
            yield return new ValidationResult("Telegram:BotToken tidak berbentuk <angka>:<rahasia> seperti yang diberikan @BotFather.", [nameof(BotToken)]);
        if (!string.IsNullOrWhiteSpace(ApiBaseUrl) && !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("Telegram:ApiBaseUrl harus alamat lengkap, mis. http://127.0.0.1:8081, atau dikosongkan.", [nameof(ApiBaseUrl)]);
        if (string.IsNullOrWhiteSpace(WebhookPath) || !WebhookPath.StartsWith('/'))
            yield return new ValidationResult("Telegram:WebhookPath harus diawali '/', mis. /telegram/webhook.", [nameof(WebhookPath)]);
        if (Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(WebhookUrl) || !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
                yield return new ValidationResult("Telegram:WebhookUrl wajib untuk Mode=Webhook: alamat HTTPS publik, mis. https://bot.contoh.id/telegram/webhook.", [nameof(WebhookUrl)]);
            if (string.IsNullOrEmpty(WebhookSecret) || !SecretFormat().IsMatch(WebhookSecret))
                yield return new ValidationResult("Telegram:WebhookSecret wajib untuk Mode=Webhook: 32-256 karakter A-Z, a-z, 0-9, _ atau -.", [nameof(WebhookSecret)]);
            else if (WebhookSecret.Length < MinWebhookSecretLength)
                yield return new ValidationResult(
                    $"Telegram:WebhookSecret terlalu pendek ({WebhookSecret.Length} karakter): minimal {MinWebhookSecretLength} karakter acak, mis. dari `openssl rand -hex 24`.", [nameof(WebhookSecret)]);
        }
    }

    [GeneratedRegex(@"^\d{1,16}:\S+$")]
    private static partial Regex TokenFormat();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    internal static partial Regex SecretFormat();
}

/// <summary>
/// Runs the annotations and <see cref="TelegramOptions.Validate"/> and reports the bare Indonesian sentences, so a
/// missing token stops `run` with one readable line (not "DataAnnotation validation failed for ... members ...").
/// </summary>
public sealed class TelegramOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<TelegramOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? "Telegram: pengaturan tidak valid."));
    }
}
