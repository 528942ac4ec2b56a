using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Telegram;
using Quartz;

namespace PkhBot.Operations;

/// <summary>
/// The Telegram connection: unhealthy when polling has had no successful Bot API call for
/// <see cref="OperationsOptions.TelegramStaleSeconds"/> (token revoked, network down); degraded before the first call,
/// and in webhook mode (a quiet hour without sends is normal there).
/// </summary>
internal sealed class TelegramConnectionCheck(IServiceProvider services, IOptions<OperationsOptions> ops, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var metrics = services.GetService<TelegramMetrics>();
        var options = services.GetService<IOptions<TelegramOptions>>()?.Value;
        if (metrics is null || options is null || string.IsNullOrWhiteSpace(options.BotToken))
            return Task.FromResult(HealthCheckResult.Healthy("Telegram tidak dipakai"));
        if (metrics.LastApiSuccess is not { } last)
            return Task.FromResult(HealthCheckResult.Degraded("belum ada panggilan Bot API yang berhasil"));
        var age = clock.GetUtcNow() - last;
        var data = new Dictionary<string, object> { ["lastSuccessSecondsAgo"] = (int)age.TotalSeconds, ["pollErrors"] = metrics.PollErrors };
        if (age <= TimeSpan.FromSeconds(ops.Value.TelegramStaleSeconds))
            return Task.FromResult(HealthCheckResult.Healthy(data: data));
        return Task.FromResult(options.Mode == TelegramMode.Polling
            ? HealthCheckResult.Unhealthy($"Bot API tidak terjangkau sejak {(int)age.TotalSeconds} detik", data: data)
            : HealthCheckResult.Degraded($"tidak ada panggilan Bot API berhasil sejak {(int)age.TotalSeconds} detik", data: data));
    }
}

/// <summary>The reminder scheduler: unhealthy when shut down, degraded while not (yet) running.</summary>
internal sealed class SchedulerCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return HealthCheckResult.Healthy("pengingat tidak dipakai");
        var scheduler = await factory.GetScheduler(cancellationToken);
        return scheduler.Status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy(),
            SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => HealthCheckResult.Unhealthy("scheduler pengingat berhenti"),
            var s => HealthCheckResult.Degraded($"scheduler pengingat belum berjalan ({s})"),
        };
    }
}
