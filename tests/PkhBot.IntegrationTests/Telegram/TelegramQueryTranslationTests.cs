using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.IntegrationTests.Telegram;

/// <summary>The sender's and inbox's hot queries, translated for SQL Server (no server needed).</summary>
public sealed class TelegramQueryTranslationTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 17, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<PkhDbContext, IQueryable<object>>> Queries => new()
    {
        {
            "outbox claim: due, unleased, replies first", db => db.Outbox
                .Where(m => m.Status == OutboxStatus.Pending && m.Channel == "telegram" && m.NotBefore <= Now && (m.LockedUntil == null || m.LockedUntil < Now))
                .OrderBy(m => m.Kind == OutboxKind.Reply || m.Kind == OutboxKind.CallbackAnswer ? 0 : 1).ThenBy(m => m.Id)
                .Select(m => (object)m.Id).Take(50)
        },
        {
            "outbox claimed rows of one owner", db => db.Outbox
                .Where(m => new List<long> { 1, 2 }.Contains(m.Id) && m.LockedBy == "me" && m.Status == OutboxStatus.Pending).Select(m => (object)m)
        },
        {
            "inbox rows to retry", db => db.Inbox
                .Where(i => i.Status == InboxStatus.Pending && i.ReceivedAt <= Now && (i.LockedUntil == null || i.LockedUntil < Now))
                .OrderBy(i => i.UpdateId).Select(i => (object)new { i.UpdateId, i.Payload }).Take(50)
        },
        {
            "identities whose menu may have changed", db => db.Identities
                .Where(i => i.Channel == "telegram" && i.ChatId > 0 && (i.LastSeenAt >= Now || i.CreatedAt >= Now)).Select(i => (object)new { i.ChatId, i.Role })
        },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_translates_for_SqlServer(string name, Func<PkhDbContext, IQueryable<object>> query)
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = query(db).ToQueryString();
        Assert.Contains("SELECT", sql);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }
}
