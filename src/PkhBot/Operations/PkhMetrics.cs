using System.Diagnostics.Metrics;

namespace PkhBot.Operations;

/// <summary>The bot's own OpenTelemetry instruments (meter "PkhBot"), exported on /metrics.</summary>
public sealed class PkhMetrics
{
    public const string MeterName = "PkhBot";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _answerMs;
    private readonly Histogram<double> _updateMs;

    public PkhMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _updates = meter.CreateCounter<long>("pkhbot.updates.processed", description: "Incoming messages processed by the pipeline");
        _duplicates = meter.CreateCounter<long>("pkhbot.updates.duplicate", description: "Redelivered updates skipped");
        _failures = meter.CreateCounter<long>("pkhbot.updates.failed", description: "Updates that failed after all retries");
        _sent = meter.CreateCounter<long>("pkhbot.messages.sent", description: "Messages delivered to Telegram");
        _rateLimited = meter.CreateCounter<long>("pkhbot.telegram.429", description: "Too Many Requests answers from Telegram");
        _jobRuns = meter.CreateCounter<long>("pkhbot.jobs.runs", description: "Reminder job runs");
        _answerMs = meter.CreateHistogram<double>("pkhbot.knowledge.answer.duration", unit: "ms", description: "Time to answer a question");
        _updateMs = meter.CreateHistogram<double>("pkhbot.updates.duration", unit: "ms", description: "Time to process one update");
    }

    public void UpdateProcessed(string channel, double ms)
    {
        _updates.Add(1, new KeyValuePair<string, object?>("channel", channel));
        _updateMs.Record(ms, new KeyValuePair<string, object?>("channel", channel));
    }

    public void UpdateDuplicate() => _duplicates.Add(1);
    public void UpdateFailed() => _failures.Add(1);
    public void MessageSent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public void RateLimited() => _rateLimited.Add(1);
    public void JobRun(string job) => _jobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
    public void AnswerTime(double ms, bool answered) => _answerMs.Record(ms, new KeyValuePair<string, object?>("answered", answered));
}
