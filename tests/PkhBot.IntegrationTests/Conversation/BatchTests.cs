using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;

namespace PkhBot.IntegrationTests.Conversation;

/// <summary>
/// Several updates in one transaction (how the poller feeds SQLite): each update sees the ones before it, and one
/// that fails costs the others nothing: everyone gets exactly one answer and every report is stored once.
/// </summary>
public sealed class BatchTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ReportingData _data = null!;
    private int _p1;
    private long _nextUpdateId = 70_000_000;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(configure: b => b.Services.AddCommand<ExplodingCommand>());
        _data = new ReportingData(_app);
        _p1 = await _data.PendampingAsync("P001");
        await _data.HouseholdAsync(_p1, "3522011234", "Siti Aminah");
        await _data.HouseholdAsync(_p1, "3522011235", "Sri Wahyuni", "Sugihwaras");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Incoming Msg(long user, string text) => new()
    {
        Channel = "telegram", UpdateId = ++_nextUpdateId, UserId = user, ChatId = user, DisplayName = "Tester", Text = text,
        SentAt = _app.Clock.GetUtcNow(),
    };

    /// <summary>As the Telegram channel runs a batch: with its inbox ledger, which marks the stored rows in the same transaction.</summary>
    private Task<IReadOnlyList<PipelineResult>> ProcessAsync(params Incoming[] batch)
        => _app.Services.GetRequiredService<ConversationPipeline>()
            .ProcessBatchAsync(batch, _app.Services.GetRequiredService<PkhBot.Channels.Telegram.TelegramInboxLedger>(), CancellationToken.None);

    /// <summary>Pending inbox rows, as the channel stores updates before processing them.</summary>
    private Task StoreAsync(params Incoming[] msgs) => _app.WithDbAsync(async db =>
    {
        foreach (var m in msgs)
            db.Inbox.Add(new InboxUpdate { UpdateId = m.UpdateId!.Value, Payload = "{\"text\":\"x\"}", Status = InboxStatus.Pending, ReceivedAt = _app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    });

    private static string Plain(PipelineResult r) => string.Join("\n", r.Messages.Select(m => Html.ToPlain(m.Text)));

    [Fact]
    public async Task An_update_sees_what_the_one_before_it_in_the_batch_wrote()
    {
        await _data.PendampingChatAsync(7201, _p1);
        // The first starts the /lapor flow; the second is an answer inside that flow, not free text.
        var r = await ProcessAsync(Msg(7201, "/lapor"), Msg(7201, "3522011235"), Msg(7201, "usaha"));

        Assert.Contains("KPM yang mana", Plain(r[0]));
        Assert.Contains("Kategori laporan untuk Sri Wahyuni", Plain(r[1]));
        Assert.DoesNotContain("Kategori laporan", Plain(r[2]));
        var flow = await _app.WithDbAsync(db => db.Flows.AsNoTracking().SingleAsync(f => f.UserId == 7201));
        Assert.Equal("field", flow.Step);   // committed with the batch: the category was taken
    }

    [Fact]
    public async Task One_failing_update_does_not_cost_the_others_their_reply_or_double_their_report()
    {
        await _data.PendampingChatAsync(7202, _p1);
        var batch = new[]
        {
            Msg(7202, "/lapor 3522011234 usaha buka warung kopi, omzet 1,5jt/bln"),
            Msg(7203, "/meledak"),
            Msg(7204, "/bantuan"),
        };
        await StoreAsync(batch);

        var r = await ProcessAsync(batch);

        Assert.Equal(3, r.Count);
        Assert.Contains("No. laporan", Plain(r[0]));
        Assert.Equal(Texts.Error, Html.ToPlain(Assert.Single(r[1].Messages).Text));
        Assert.Contains("/bantuan", Plain(r[2]));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Reports.CountAsync()));
        foreach (var chat in new long[] { 7202, 7203, 7204 })
            Assert.Equal(1, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == chat)));
        var inbox = await _app.WithDbAsync(db => db.Inbox.AsNoTracking().OrderBy(i => i.UpdateId).ToListAsync());
        Assert.Equal([InboxStatus.Done, InboxStatus.Failed, InboxStatus.Done], inbox.Select(i => i.Status));
        // A processed update keeps its id and status, not the user's words; the failed one is kept for an operator.
        Assert.Equal(["", "{\"text\":\"x\"}", ""], inbox.Select(i => i.Payload));
    }

    [Fact]
    public async Task The_same_update_twice_in_a_batch_is_processed_once()
    {
        var once = Msg(7205, "/bantuan");
        var r = await ProcessAsync(once, once, Msg(7205, "/bantuan"));

        Assert.False(r[0].Duplicate);
        Assert.True(r[1].Duplicate);
        Assert.Empty(r[1].Messages);
        Assert.False(r[2].Duplicate);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 7205)));
    }

    [Fact]
    public async Task Stored_updates_are_marked_done_with_the_batch_and_one_already_done_is_skipped()
    {
        // As the poller stores them: pending rows first, one of them already done by an earlier run.
        var fresh = Msg(7206, "/bantuan");
        var old = Msg(7206, "/bantuan");
        var other = Msg(7207, "/bantuan");
        await _app.WithDbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            foreach (var m in new[] { fresh, old, other })
                db.Inbox.Add(new InboxUpdate { UpdateId = m.UpdateId!.Value, Payload = "{}", Status = m == old ? InboxStatus.Done : InboxStatus.Pending, ReceivedAt = now });
            await db.SaveChangesAsync();
        });

        var r = await ProcessAsync(fresh, old, other, fresh);

        Assert.Equal([false, true, false, true], r.Select(x => x.Duplicate));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 7206)));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ChatId == 7207)));
        var inbox = await _app.WithDbAsync(db => db.Inbox.AsNoTracking().Where(i => i.UpdateId != old.UpdateId).ToListAsync());
        Assert.All(inbox, i =>
        {
            Assert.Equal(InboxStatus.Done, i.Status);
            Assert.Equal(1, i.Attempts);
            Assert.NotNull(i.ProcessedAt);
        });
    }

    /// <summary>A command with a bug: throws every time.</summary>
    private sealed class ExplodingCommand : ICommandHandler
    {
        public CommandSpec Spec { get; } = new("meledak", "Selalu gagal (tes)", CommandSpec.Everyone, ShowInMenu: false);

        public Task HandleAsync(ConversationContext ctx, CancellationToken ct) => throw new InvalidOperationException("bug in a handler");
    }
}
