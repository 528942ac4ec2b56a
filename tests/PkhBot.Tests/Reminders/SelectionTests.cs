using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PkhBot.Channels.Outbox;
using PkhBot.Reminders;
using Quartz;

namespace PkhBot.Tests.Reminders;

public sealed class SelectionTests
{
    private static readonly IReadOnlyDictionary<int, string> Pendamping = new Dictionary<int, string> { [1] = "Bu Satu", [2] = "Pak Dua", [3] = "Bu Tiga" };
    private static readonly IReadOnlyDictionary<int, string> Kecamatan = new Dictionary<int, string> { [10] = "Kapas", [20] = "Dander" };
    private static readonly OverdueCell[] Cells = [new(10, 1, 4), new(20, 2, 2), new(10, 3, 1), new(20, 3, 5)];

    [Fact]
    public void A_kecamatan_coordinator_sees_only_overdue_follow_ups_of_that_kecamatan_grouped_by_pendamping()
    {
        var lines = EscalationPlanner.Select(Cells, new CoordinatorScope(1, "Koor Kapas", false, [10]), Pendamping, Kecamatan);
        Assert.Equal([("Bu Satu", 4), ("Bu Tiga", 1)], lines.Select(l => (l.Pendamping, l.Count)));
        Assert.All(lines, l => Assert.Equal("Kapas", l.Kecamatan));
    }

    [Fact]
    public void A_whole_kabupaten_coordinator_sees_everything_summed_per_pendamping()
    {
        var lines = EscalationPlanner.Select(Cells, new CoordinatorScope(2, "Korkab", true, []), Pendamping, Kecamatan);
        Assert.Equal([("Bu Tiga", 6, "Dander, Kapas"), ("Bu Satu", 4, "Kapas"), ("Pak Dua", 2, "Dander")], lines.Select(l => (l.Pendamping, l.Count, l.Kecamatan)));
    }

    [Fact]
    public void A_coordinator_of_another_kecamatan_gets_nothing()
        => Assert.Empty(EscalationPlanner.Select(Cells, new CoordinatorScope(3, "Koor Lain", false, [99]), Pendamping, Kecamatan));

    [Fact]
    public async Task The_Quartz_job_on_a_holiday_plans_nothing_and_opens_no_database_scope()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 19, 8, 0, 0, TimeSpan.FromHours(7)));
        var scopes = new Mock<IServiceScopeFactory>(MockBehavior.Strict);   // any planning would need a scope
        var calendar = new WorkCalendar(Options.Create(new RemindersOptions { Holidays = ["2025-11-19"] }));
        var job = new ReminderJob(new ReminderRunner(scopes.Object, calendar, new OutboxSignal(), new PkhBot.Operations.PkhMetrics(new TestMeterFactory(), new PkhBot.Channels.Telegram.TelegramMetrics(), new PkhBot.Data.WriteGate(Options.Create(new PkhBot.Data.DatabaseOptions { Provider = "Sqlite" }))), NullLogger<ReminderRunner>.Instance), clock);
        var context = new Mock<IJobExecutionContext>();
        context.SetupGet(c => c.JobDetail).Returns(JobBuilder.Create<ReminderJob>().WithIdentity(JobNames.FollowUpDue, "reminders").Build());
        context.SetupProperty(c => c.Result);

        await job.Execute(context.Object, CancellationToken.None);

        var result = Assert.IsType<ReminderRunResult>(context.Object.Result);
        Assert.Equal((JobNames.FollowUpDue, "hari libur", 0), (result.Job, result.SkippedReason, result.Queued));
        Assert.Equal(clock.GetUtcNow(), result.Now);
    }
}

/// <summary>A meter factory for constructing metrics outside DI.</summary>
internal sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
{
    private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

    public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
    {
        var meter = new System.Diagnostics.Metrics.Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
