using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Reminders;

namespace PkhBot.IntegrationTests.Reminders;

public sealed class NudgeWriterRaceTests
{
    [Fact]
    public async Task A_nudge_logged_by_another_instance_between_check_and_insert_is_skipped_and_the_rest_still_go_out()
    {
        await using var app = await TestApp.StartAsync();
        var cs = $"Data Source={app.DatabasePath}";
        // The other instance commits its log row right after our duplicate check has read the table.
        var competitor = new CompetitorInterceptor(cs);
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(cs).AddInterceptors(competitor).Options;
        await using var db = new SqliteDbContext(options);
        var writer = new NudgeWriter(db, app.Services.GetRequiredService<WorkCalendar>(),
            Options.Create(new RemindersOptions()), NullLogger<NudgeWriter>.Instance);

        var result = await writer.WriteAsync("race", Nudges(), TestApp.DefaultNow, CancellationToken.None);

        Assert.Equal(1, competitor.Inserted);
        Assert.Equal((4, 1, 4), (result.Queued, result.Duplicates, result.Messages));
        Assert.Equal(4, await app.WithDbAsync(d => d.Outbox.CountAsync(m => m.ChatId >= 7000 && m.ChatId < 7005)));
        Assert.Equal(0, await app.WithDbAsync(d => d.Outbox.CountAsync(m => m.ChatId == 7002)));
        Assert.Equal(5, await app.WithDbAsync(d => d.NudgeLog.CountAsync(l => l.Job == "race")));
    }

    private static async IAsyncEnumerable<PlannedNudge> Nudges()
    {
        for (var i = 0; i < 5; i++)
            yield return new PlannedNudge($"s:{i}", "p1", [new Recipient("telegram", 7000 + i)], new Reply($"{i}"));
        await Task.CompletedTask;
    }

    private sealed class CompetitorInterceptor(string cs) : DbCommandInterceptor
    {
        public int Inserted;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
        {
            if (Inserted == 0 && command.CommandText.Contains("\"NudgeLog\"") && command.CommandText.Contains("\"Subject\""))
            {
                Inserted++;
                await using var c = new SqliteConnection(cs);
                await c.OpenAsync(ct);
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "INSERT INTO \"NudgeLog\" (\"Job\", \"Subject\", \"Period\", \"CreatedAt\") VALUES ('race', 's:2', 'p1', 0)";
                await cmd.ExecuteNonQueryAsync(ct);
            }
            return result;
        }
    }
}
