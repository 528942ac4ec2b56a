using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.IntegrationTests.Households;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Retention;

/// <summary>The retention run (`retention run`, and the daily job that calls the same service) on a real SQLite file.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private DateTimeOffset Now => _app.Clock.GetUtcNow();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Retention_run_deletes_what_is_older_than_its_days_and_keeps_what_is_recent_or_still_needed()
    {
        var old = Now.AddDays(-31);
        var recent = Now.AddDays(-29);
        await _app.WithDbAsync(async db =>
        {
            db.Inbox.AddRange(
                new InboxUpdate { UpdateId = 1, Payload = "{}", Status = InboxStatus.Done, ReceivedAt = old, ProcessedAt = old },
                new InboxUpdate { UpdateId = 2, Payload = "{}", Status = InboxStatus.Done, ReceivedAt = recent, ProcessedAt = recent },
                new InboxUpdate { UpdateId = 3, Payload = "{}", Status = InboxStatus.Pending, ReceivedAt = old });   // never processed: kept
            db.Outbox.AddRange(
                Message(OutboxStatus.Sent, old), Message(OutboxStatus.Failed, old), Message(OutboxStatus.Sent, recent),
                Message(OutboxStatus.Pending, old));   // still to deliver: kept
            db.Flows.AddRange(
                new FlowState { UserId = 1, Flow = "lapor", Step = "x", UpdatedAt = old, ExpiresAt = old.AddHours(2) },
                new FlowState { UserId = 2, Flow = "lapor", Step = "x", UpdatedAt = Now, ExpiresAt = Now.AddHours(2) });
            db.Handoffs.AddRange(
                Handoff(HandoffStatus.Answered, old, answeredAt: old), Handoff(HandoffStatus.Answered, old, answeredAt: recent),
                Handoff(HandoffStatus.AwaitingConsent, old), Handoff(HandoffStatus.Open, old));   // open: someone still owes an answer
            db.Audit.AddRange(Audit(Now.AddDays(-366)), Audit(Now.AddDays(-364)), Audit(old));
            await db.SaveChangesAsync();
        });

        var r = await CliRunner.RunAsync(_app, "retention", "run", "--now", Now.ToString("O"));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("inbox 1, outbox 2, flow 1, pertanyaan diteruskan 2, audit 1 (total 7)", r.Out);
        await _app.WithDbAsync(async db =>
        {
            Assert.Equal([2L, 3L], await db.Inbox.OrderBy(i => i.UpdateId).Select(i => i.UpdateId).ToListAsync());
            Assert.Equal(2, await db.Outbox.CountAsync());
            Assert.Equal(0, await db.Outbox.CountAsync(m => m.Status != OutboxStatus.Pending && m.CreatedAt < Now.AddDays(-30)));
            Assert.Equal(2L, await db.Flows.Select(f => f.UserId).SingleAsync());
            Assert.Equal(2, await db.Handoffs.CountAsync());
            Assert.True(await db.Handoffs.AnyAsync(h => h.Status == HandoffStatus.Open));
            // Two kept (364 and 31 days old) and the run's own entry.
            Assert.Equal(3, await db.Audit.CountAsync());
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "retention.run" && a.Details!.Contains("outbox=2")));
        });

        // A second run finds nothing more.
        var again = await CliRunner.RunAsync(_app, "retention", "run", "--now", Now.ToString("O"));
        Assert.Contains("(total 0)", again.Out);
    }

    [Fact]
    public async Task Retention_days_come_from_the_settings()
    {
        await _app.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(Message(OutboxStatus.Sent, Now.AddDays(-3)), Message(OutboxStatus.Sent, Now.AddHours(-1)));
            await db.SaveChangesAsync();
        });

        var r = await CliRunner.RunWithAsync(_app, ["--Retention:Days=2"], "retention", "run", "--now", Now.ToString("O"));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_retention_setting_out_of_range_stops_the_verb_with_one_line()
    {
        var r = await CliRunner.RunWithAsync(_app, ["--Retention:Days=-1"], "retention", "run");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Retention:Days", r.Err);
    }

    [Fact]
    public async Task The_worker_schedules_the_retention_job_daily()
    {
        await using var worker = await TestApp.StartAsync(mode: AppMode.Worker);
        var factory = worker.Services.GetRequiredService<Quartz.ISchedulerFactory>();
        var scheduler = await factory.GetScheduler();
        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey(PkhBot.Retention.RetentionJob.Name, "retention"));

        Assert.NotNull(trigger);
        Assert.Equal("0 30 2 * * ?", ((Quartz.ICronTrigger)trigger).CronExpressionString);
    }

    private OutboxMessage Message(OutboxStatus status, DateTimeOffset at)
    {
        var m = OutboxMessageFactory.Create("telegram", 42, new Reply("halo"), OutboxKind.Reply, at);
        m.Status = status;
        if (status == OutboxStatus.Sent) m.SentAt = at;
        return m;
    }

    private static HandoffQuestion Handoff(HandoffStatus status, DateTimeOffset askedAt, DateTimeOffset? answeredAt = null)
        => new() { AskerUserId = 9, AskerChatId = 9, Question = "kapan cair?", Status = status, AskedAt = askedAt, AnsweredAt = answeredAt, Answer = answeredAt is null ? null : "Senin" };

    private static AuditEntry Audit(DateTimeOffset at) => new() { At = at, Actor = "cli", Action = "test", Entity = "x", EntityId = "1" };
}
