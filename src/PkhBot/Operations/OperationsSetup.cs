using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using PkhBot.Data;

namespace PkhBot.Operations;

public static class OperationsSetup
{
    public const string ReadyTag = "ready";
    public const int MetricCardinalityLimit = 100;

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>()
            .Bind(builder.Configuration.GetSection(OperationsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PkhMetrics>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PkhDbContext>("database", tags: [ReadyTag])
            .AddCheck<OutboxDepthCheck>("outbox", tags: [ReadyTag])
            .AddCheck<TelegramConnectionCheck>("telegram", tags: [ReadyTag])
            .AddCheck<SchedulerCheck>("scheduler", tags: [ReadyTag]);

        var ops = builder.Configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        if (builder.GetMode() == AppMode.Worker)
        {
            if (builder is WebApplicationBuilder web)
            {
                web.WebHost.UseUrls(string.IsNullOrWhiteSpace(ops.HealthUrls) ? ops.Urls : $"{ops.Urls};{ops.HealthUrls}");
                // Under systemd (Type=notify, Operations/deploy/pkhbot.service): READY=1 once started, SIGTERM stops it.
                // It also switches the console to its own text format; the configured one (JSON lines) is bound again.
                web.Host.UseSystemd();
                builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
            }
            builder.Services.AddHostedService<IdleMemoryTrimmer>();
            if (ops.MetricsEnabled)
            {
                builder.Services.AddOpenTelemetry().WithMetrics(m => m
                    .AddMeter(PkhMetrics.MeterName)
                    // Our tags have a handful of values (channel, job, answered); the default of 2,000 points per
                    // metric is preallocated memory an idle bot holds for nothing (figure: tests/PkhBot.Bench/README.md).
                    .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricCardinalityLimit })
                    .AddPrometheusExporter());
            }
        }
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        var options = app.Configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        var healthPorts = options.HealthPorts();
        if (healthPorts.Count > 0)
        {
            // Operations:HealthUrls: health and metrics only on their own port, the webhook never there. Decided by the
            // port the connection came in on, not by the Host header a caller chooses.
            app.Use((context, next) =>
            {
                var path = context.Request.Path;
                var isOps = path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
                if (isOps != healthPorts.Contains(context.Connection.LocalPort))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        var ops = app.Configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        if (ops.MetricsEnabled && app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>() is not null)
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
