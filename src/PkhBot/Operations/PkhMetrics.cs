using System.Diagnostics.Metrics;
using PkhBot.Channels.Telegram;

namespace PkhBot.Operations;

/// <summary>
/// The bot's OpenTelemetry instruments (meter "PkhBot"), exported on /metrics. Telegram delivery figures are
/// read from <see cref="TelegramMetrics"/>, the one place the sender counts them.
/// </summary>
public sealed class PkhMetrics
{
    public const string MeterName = "PkhBot";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _answerMs;
    private readonly Histogram<double> _updateMs;

    public PkhMetrics(IMeterFactory meters, TelegramMetrics telegram, Data.WriteGate writeGate)
    {
        var meter = meters.Create(MeterName);
        _updates = meter.CreateCounter<long>("pkhbot.updates.processed", description: "Incoming messages processed by the pipeline");
        _duplicates = meter.CreateCounter<long>("pkhbot.updates.duplicate", description: "Redelivered updates skipped");
        _failures = meter.CreateCounter<long>("pkhbot.updates.failed", description: "Updates that failed after all retries");
        _dropped = meter.CreateCounter<long>("pkhbot.updates.dropped", description: "Updates over a user's per-minute limit: recorded, not processed");
        _jobRuns = meter.CreateCounter<long>("pkhbot.jobs.runs", description: "Reminder job runs");
        _answerMs = meter.CreateHistogram<double>("pkhbot.knowledge.answer.duration", unit: "ms", description: "Time to answer a question");
        _updateMs = meter.CreateHistogram<double>("pkhbot.updates.duration", unit: "ms", description: "Time to process one update");
        meter.CreateObservableCounter("pkhbot.messages.sent", () => telegram.Sent, description: "Messages delivered to Telegram");
        meter.CreateObservableCounter("pkhbot.telegram.429", () => telegram.TooManyRequests, description: "Too Many Requests answers from Telegram");
        meter.CreateObservableCounter("pkhbot.telegram.retries", () => telegram.Retries, description: "Sends retried after 5xx, timeouts, refused connections or 401");
        meter.CreateObservableCounter("pkhbot.messages.failed", () => telegram.Failed, description: "Messages Telegram refused for good (400)");
        meter.CreateObservableCounter("pkhbot.messages.expired", () => telegram.Expired, description: "Messages given up undelivered after Telegram:GiveUpAfterHours");
        meter.CreateObservableCounter("pkhbot.db.write.busy", () => writeGate.Busy.TotalSeconds, unit: "s",
            description: "Time SQLite's one writer was busy; a rate near 1 s/s means it is the limit (time for SQL Server)");
    }

    public void UpdateProcessed(string channel, double ms)
    {
        _updates.Add(1, new KeyValuePair<string, object?>("channel", channel));
        _updateMs.Record(ms, new KeyValuePair<string, object?>("channel", channel));
    }

    public void UpdateDuplicate() => _duplicates.Add(1);
    public void UpdateFailed() => _failures.Add(1);
    public void UpdateDropped() => _dropped.Add(1);
    public void JobRun(string job) => _jobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
    public void AnswerTime(double ms, bool answered) => _answerMs.Record(ms, new KeyValuePair<string, object?>("answered", answered));
}
