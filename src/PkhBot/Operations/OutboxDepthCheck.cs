using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Operations;

/// <summary>Degraded when messages pile up undelivered (Telegram down, token revoked, sender stuck).</summary>
internal sealed class OutboxDepthCheck(PkhDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stale = clock.GetUtcNow().AddMinutes(-5);
        var late = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Channel == "telegram" && m.NotBefore < stale, cancellationToken);
        var data = new Dictionary<string, object> { ["late"] = late };
        return late > 1000
            ? HealthCheckResult.Degraded($"{late} pesan tertunda lebih dari 5 menit", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
