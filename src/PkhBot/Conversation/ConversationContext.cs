using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Data;

namespace PkhBot.Conversation;

/// <summary>
/// Everything a handler needs for one incoming message. Replies, flow changes and audit entries are saved
/// by the pipeline in one transaction with the effects, so a crash never leaves half of them.
/// </summary>
public sealed class ConversationContext(Incoming message, Caller caller, PkhDbContext db, TimeProvider clock, IServiceProvider services)
{
    private readonly List<Reply> _replies = [];

    public Incoming Message { get; } = message;
    public Caller Caller { get; internal set; } = caller;
    public PkhDbContext Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public IServiceProvider Services { get; } = services;
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>What was done for this message before its transaction (see <see cref="IPreparer"/>); never null.</summary>
    public Prepared Prepared { get; internal set; } = Prepared.Nothing;

    /// <summary>Active flow for this user (null when none or expired).</summary>
    public FlowState? Flow { get; internal set; }

    /// <summary>Short text shown on the pressed button's spinner (answerCallbackQuery).</summary>
    public string? CallbackToast { get; set; }

    public IReadOnlyList<Reply> Replies => _replies;

    public void Reply(string html, Keyboard? keyboard = null) => _replies.Add(new Reply(html) { Keyboard = keyboard });

    public void Reply(Reply reply) => _replies.Add(reply);

    /// <summary>A message to someone else (a hand-off answer, a coordinator alert), delivered through the outbox.</summary>
    public void SendTo(long chatId, Reply reply, OutboxKind kind = OutboxKind.Reply)
        => Db.Outbox.Add(OutboxMessageFactory.Create("telegram", chatId, reply, kind, Now));

    public void Audit(string action, string entity, string entityId, string? details = null)
        => Db.Audit.Add(new AuditEntry
        {
            At = Now,
            Actor = Caller.AuditActor,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            Details = details is null ? null : Privacy.Mask.Text(details),
        });

    public async Task StartFlowAsync(string flow, string step, object data, TimeSpan? ttl = null, CancellationToken ct = default)
    {
        var state = Flow ?? await Db.Flows.FirstOrDefaultAsync(f => f.UserId == Caller.UserId, ct);
        if (state is null)
        {
            state = new FlowState { UserId = Caller.UserId, Flow = flow, Step = step };
            Db.Flows.Add(state);
        }
        // Ended earlier in this message (a new command ends the old flow first): the row is reused, not deleted.
        else if (Db.Entry(state).State == EntityState.Deleted) Db.Entry(state).State = EntityState.Modified;
        state.Flow = flow;
        SetFlowData(state, step, data, ttl);
        Flow = state;
    }

    public void UpdateFlow(string step, object data, TimeSpan? ttl = null)
    {
        if (Flow is null) throw new InvalidOperationException("No active flow");
        SetFlowData(Flow, step, data, ttl);
    }

    public async Task EndFlowAsync(CancellationToken ct = default)
    {
        var state = Flow ?? await Db.Flows.FirstOrDefaultAsync(f => f.UserId == Caller.UserId, ct);
        if (state is not null && Db.Entry(state).State != EntityState.Deleted) Db.Flows.Remove(state);
        Flow = null;
    }

    public static T ReadFlowData<T>(FlowState state) where T : new()
        => JsonSerializer.Deserialize<T>(state.DataJson) ?? new T();

    private void SetFlowData(FlowState state, string step, object data, TimeSpan? ttl)
    {
        state.Step = step;
        state.DataJson = JsonSerializer.Serialize(data, data.GetType());
        state.UpdatedAt = Now;
        state.ExpiresAt = Now + (ttl ?? TimeSpan.FromHours(2));
    }
}
