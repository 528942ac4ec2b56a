namespace PkhBot.Retention;

/// <summary>Rows one retention run deleted, per kind.</summary>
public sealed record RetentionResult(int Inbox, int Outbox, int Flows, int Handoffs, int Audit)
{
    public int Total => Inbox + Outbox + Flows + Handoffs + Audit;

    public override string ToString()
        => $"inbox {Inbox}, outbox {Outbox}, flow {Flows}, pertanyaan diteruskan {Handoffs}, audit {Audit} (total {Total})";
}
