using PkhBot.Bench;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// The real `PkhBot.dll run` as a child process against the fake Bot API and a SQLite file, killed hard
/// (Process.Kill of the whole tree, no graceful stop) in the middle of a burst of 1,000 one-line reports from
/// 50 pendamping, then started again on the same files.
/// </summary>
public sealed partial class HardKillTests(ITestOutputHelper output) : IAsyncDisposable
{
    private const int Users = 50;
    private const int PerUser = 20;
    private const int MaxConcurrentSends = 8;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly string _db = Path.Combine(Path.GetTempPath(), "pkhbot-tests", $"kill-{Guid.NewGuid():N}.db");
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task A_bot_killed_mid_burst_and_started_again_stores_every_report_once_and_delivers_every_reply()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db)!);
        await using var api = await FakeBotApi.StartAsync();
        api.EnforceRateLimits = false;
        var idKpm = await SeedAsync();

        var updates = new List<long>();
        for (var round = 0; round < PerUser; round++)
            for (var u = 0; u < Users; u++)
                updates.Add(api.EnqueueMessage(UserId(u), $"/lapor {idKpm[u]} kunjungan rumah ke-{round} warung ramai"));

        var first = Start(api);
        await api.WaitUntilAsync(() => ReportNumbers(api).Count >= 150, Wait, "150 replies before the kill");
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        var atKill = ReportNumbers(api).Count;
        output.WriteLine($"killed after {atKill} replies, {api.PendingUpdates} updates still at Telegram");
        Assert.True(atKill < updates.Count, "the burst finished before the kill; nothing was tested");

        var second = Start(api);
        await api.WaitUntilAsync(() => ReportNumbers(api).Distinct().Count() >= updates.Count, Wait, "a reply to every report");
        await WaitUntilAsync(() => WithDbAsync(db => db.Outbox.AllAsync(m => m.Status == OutboxStatus.Sent)), "every outbox row sent");
        second.Kill(entireProcessTree: true);
        await second.WaitForExitAsync();

        var replies = ReportNumbers(api);
        var (reports, inbox, outbox) = await WithDbAsync(async db => (
            await db.Reports.AsNoTracking().Select(r => new { r.Id, r.SourceUpdateId }).ToListAsync(),
            await db.Inbox.AsNoTracking().Select(i => new { i.UpdateId, i.Status }).ToListAsync(),
            await db.Outbox.AsNoTracking().Select(m => new { m.Id, m.Status, m.Kind }).ToListAsync()));
        var duplicateSends = replies.Count - replies.Distinct().Count();
        output.WriteLine($"{reports.Count} reports, {inbox.Count} inbox rows, {outbox.Count} outbox rows, {replies.Count} replies sent, {duplicateSends} sent twice");

        // Every update Telegram held (answered before the kill or not) is in the inbox once and done.
        Assert.Equal(updates.Order(), inbox.Select(i => i.UpdateId).Order());
        Assert.All(inbox, i => Assert.Equal(InboxStatus.Done, i.Status));
        // Every update produced exactly one report, and no update produced two.
        Assert.Equal(updates.Order(), reports.Select(r => r.SourceUpdateId!.Value).Order());
        // Every report number a user was told exists, and every report was announced to its sender.
        Assert.Equal(reports.Select(r => r.Id).Order(), replies.Distinct().Order());
        // Every queued message is delivered; a message can be sent twice only if the kill fell between Telegram
        // accepting it and the row being marked Sent: at most the sends in flight at that moment.
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.InRange(duplicateSends, 0, MaxConcurrentSends);
    }

    private static long UserId(int u) => 840_000 + u;

    [GeneratedRegex(@"No\. laporan: (\d+)")]
    private static partial Regex ReportNo();

    private static List<int> ReportNumbers(FakeBotApi api) => api.Sent
        .Where(s => s.ChatId >= UserId(0) && s.ChatId < UserId(Users) && s.Text is not null)
        .Select(s => ReportNo().Match(s.Text!)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    private Process Start(FakeBotApi api)
    {
        var dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "PkhBot.dll run")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.Url,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Telegram__RetryInitialDelayMs"] = "100",
            ["Telegram__SetCommandMenus"] = "false",
            ["Telegram__GlobalPerSecond"] = "1000",
            ["Telegram__PerChatPerSecond"] = "100",
            ["Telegram__PerChatBurst"] = "20",
            ["Telegram__MaxConcurrentSends"] = MaxConcurrentSends.ToString(),
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__PkhBot"] = $"Data Source={_db}",
            ["Operations__Urls"] = "http://127.0.0.1:0",
            ["Urls"] = "http://127.0.0.1:0",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Reminders__Store__ConnectionString"] = $"Data Source={_db}.quartz",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        _processes.Add(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is { } l && l.Contains("fail", StringComparison.OrdinalIgnoreCase)) Log(l); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } l) Log(l); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private void Log(string line)
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { }
    }

    /// <summary>50 pendamping in Ngraho, each with one household and a bound Telegram identity.</summary>
    private async Task<List<string>> SeedAsync()
    {
        await using var app = BuildTool();
        await app.PrepareAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var kec = await db.Kecamatan.Include(k => k.Desa).SingleAsync(k => k.Nama == "Ngraho");
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var u = 0; u < Users; u++)
        {
            var p = new Pendamping { Kode = $"PK{u}", Nama = $"Pendamping {u}", KecamatanId = kec.Id, CreatedAt = now };
            var id = $"35220{u:D5}";
            ids.Add(id);
            db.Households.Add(new Household
            {
                IdKpm = id, Nik = $"35220199{u:D8}", NamaPengurus = $"Ibu {u}", NamaSearch = $"ibu {u}", KecamatanId = kec.Id,
                DesaId = kec.Desa[u % kec.Desa.Count].Id, Pendamping = p, CreatedAt = now, UpdatedAt = now,
            });
            db.Identities.Add(new ChatIdentity
            {
                UserId = UserId(u), ChatId = UserId(u), Role = Role.Pendamping, Pendamping = p, PhoneVerified = true, DisplayName = $"P{u}",
                CreatedAt = now, LastSeenAt = now, Channel = "telegram",
            });
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private WebApplication BuildTool() => AppHost.Build(AppMode.Tool, [], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:PkhBot"] = $"Data Source={_db}",
        ["Reminders:Store:ConnectionString"] = $"Data Source={_db}.quartz",
        ["Logging:LogLevel:Default"] = "Warning",
    }));

    private async Task<T> WithDbAsync<T>(Func<PkhDbContext, Task<T>> action)
    {
        await using var app = BuildTool();
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PkhDbContext>());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!await condition())
        {
            if (sw.Elapsed > Wait) throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var p in _processes)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".quartz", ".quartz-wal", ".quartz-shm" })
        {
            try { File.Delete(_db + suffix); } catch (IOException) { }
        }
        return ValueTask.CompletedTask;
    }
}
