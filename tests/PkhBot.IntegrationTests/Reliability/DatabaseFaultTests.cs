using PkhBot.Bench;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Cli;
using PkhBot.Conversation;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Telegram;

namespace PkhBot.IntegrationTests.Reliability;

public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task Messages_arriving_while_another_connection_holds_the_sqlite_write_lock_are_answered_once_after_it_is_released()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var worker = await TelegramWorker.StartAsync(api, new Dictionary<string, string?> { ["Telegram:SetCommandMenus"] = "false" });
        var users = Enumerable.Range(0, 10).Select(i => 850_000L + i).ToList();
        await api.WaitUntilAsync(() => api.Calls.Any(c => c.Method == "getUpdates"), TimeSpan.FromSeconds(30), "the first poll");

        var updates = new List<long>();
        await using (var blocker = new SqliteConnection($"Data Source={worker.DatabaseFile};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();   // BEGIN IMMEDIATE: holds the write lock
            await using (var cmd = blocker.CreateCommand())
            {
                cmd.Transaction = (SqliteTransaction)tx;
                cmd.CommandText = "UPDATE Kecamatan SET Nama = Nama WHERE Id = (SELECT MIN(Id) FROM Kecamatan);";
                await cmd.ExecuteNonQueryAsync();
            }
            foreach (var u in users) updates.Add(api.EnqueueMessage(u, "/bantuan"));
            // Held longer than the bot's busy_timeout (10 s), so its writes fail and must be retried, not dropped.
            // While the lock is held nothing can be committed, so nothing is answered (the inbox write comes first).
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.Empty(users.SelectMany(api.SentTo));
            await tx.CommitAsync();
        }

        await api.WaitForSentCountAsync(s => users.Contains(s.ChatId), users.Count, TimeSpan.FromSeconds(60));
        await api.WaitUntilAsync(() => worker.OutboxAsync().Result.All(m => m.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(30), "every outbox row sent");
        await api.WaitUntilAsync(() => worker.InboxAsync().Result.Count(i => i.Status == InboxStatus.Done) == updates.Count, TimeSpan.FromSeconds(30), "every update done");
        Assert.All(users, u => Assert.Single(api.SentTo(u)));
        var inbox = await worker.InboxAsync();
        Assert.Equal(updates.Order(), inbox.Select(i => i.UpdateId).Order());
    }

    [Fact]
    public async Task An_unreachable_sql_server_at_start_is_retried_a_few_times_then_reported_in_one_clear_line()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] hostArgs =
        [
            "--Database:Provider=SqlServer",
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            "--ConnectionStrings:PkhBot=Server=tcp:127.0.0.1,1;Database=PkhBot;User Id=sa;Password=x;Connect Timeout=2;TrustServerCertificate=True",
            "--Database:MigrateOnStart=false",
            "--Database:StartAttempts=3",
            "--Database:StartRetryDelayMs=50",
            "--Telegram:BotToken=123456:TEST",
            "--Telegram:ApiBaseUrl=http://127.0.0.1:9",
            "--Operations:Urls=http://127.0.0.1:0",
            "--Urls=http://127.0.0.1:0",
            $"--Reminders:Store:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"{Guid.NewGuid():N}.quartz")}",
            "--Logging:LogLevel:Default=None",
        ];

        var code = await CliRoot.RunAsync(["run"], output, new StringReader(""), hostArgs, error);

        var err = error.ToString();
        Assert.True(code == 3, $"exit {code}: {err}");
        Assert.Contains("tidak bisa dihubungi setelah 3 percobaan", err);
        Assert.Contains("ConnectionStrings:PkhBot", err);
        Assert.DoesNotContain("   at ", err);             // no stack trace
        Assert.DoesNotContain("Password=x", err);         // the connection string itself is not echoed
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
