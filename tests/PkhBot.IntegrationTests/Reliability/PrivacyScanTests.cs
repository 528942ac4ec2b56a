using PkhBot.Bench;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using PkhBot.Reminders;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// One end-to-end run through the fake Bot API with logging at Debug, then a scan of everything the bot wrote:
/// every message, caption, button and call the fake received, every log line and exception text, the inbox's
/// LastError and the audit Details. No whole NIK, no whole phone number and never the bot token may appear.
/// </summary>
public sealed class PrivacyScanTests(ITestOutputHelper output)
{
    private const string PendampingPhone = "+6281355550101";
    private const string NotePhone = "081298765432";
    private const string NoteNik = "3522017708900004";
    private const string QuestionNik = "3522014404850002";
    // A mother typing her NIK in groups and her phone number in a question she then hands to a person.
    private const string GroupedNik = "3522 0166 0190 0007";
    private const string QuestionPhone = "0857-3311-2299";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Nothing_the_bot_writes_in_an_end_to_end_run_contains_a_whole_nik_phone_number_or_the_token()
    {
        await using var api = await FakeBotApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:RetryInitialDelayMs"] = "50",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        }, AppMode.Worker, configure: b =>
        {
            b.Services.AddSingleton(TimeProvider.System);
            b.Logging.AddProvider(logs);
        });
        var niks = new List<string> { NoteNik, QuestionNik };
        var phones = new List<string> { PendampingPhone, NotePhone, QuestionPhone };
        try
        {
            // Seed: one pendamping (invited), three households (two share a NIK for /cekdata), one koordinator.
            var (code, idKpm) = await app.WithDbAsync<(string, string)>(async db =>
            {
                var kec = await db.Kecamatan.Include(k => k.Desa).SingleAsync(k => k.Nama == "Ngraho");
                var now = DateTimeOffset.UtcNow;
                var p = new Pendamping { Kode = "PDP-PRIV", Nama = "Bu Pendamping", KecamatanId = kec.Id, Phone = "0813-5555-0101", CreatedAt = now };
                db.Pendamping.Add(p);
                var hs = new[] { ("3522011234", "Siti Aminah", "3522015508870001"), ("3522011235", "Sri Rahayu", "3522015508870001"), ("3522011236", "Wati Lestari", "3522016601920003") };
                foreach (var (id, nama, nik) in hs)
                    db.Households.Add(new Household
                    {
                        IdKpm = id, Nik = nik, NamaPengurus = nama, NamaSearch = NameSearch.Normalize(nama), KecamatanId = kec.Id, DesaId = kec.Desa[0].Id,
                        Pendamping = p, Sd = 1, CreatedAt = now, UpdatedAt = now,
                    });
                var c = new Coordinator { Nama = "Koor", CreatedAt = now };
                c.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = kec.Id });
                db.Coordinators.Add(c);
                db.Identities.Add(new ChatIdentity { UserId = 6003, ChatId = 6003, Role = Role.Koordinator, Coordinator = c, DisplayName = "Koor", CreatedAt = now, LastSeenAt = now, Channel = "telegram" });
                db.Identities.Add(new ChatIdentity { UserId = 6004, ChatId = 6004, Role = Role.Admin, DisplayName = "Admin", CreatedAt = now, LastSeenAt = now, Channel = "telegram" });
                await db.SaveChangesAsync();
                niks.AddRange(hs.Select(h => h.Item3));
                niks.Add(GroupedNik.Replace(" ", ""));
                await using var scope = app.Services.CreateAsyncScope();
                var invite = await scope.ServiceProvider.GetRequiredService<InviteService>().CreateAsync(Role.Pendamping, p.Id, null, CancellationToken.None);
                return (invite.Code, hs[0].Item1);
            });
            await app.App.StartAsync();

            // Pendamping onboarding: /start CODE, then share the phone number.
            await SayAsync(api, 6001, $"/start {code}");
            await StepAsync(api, 6001, () => api.Enqueue(id => new JsonObject
            {
                ["update_id"] = id,
                ["message"] = new JsonObject
                {
                    ["message_id"] = (int)id, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["from"] = new JsonObject { ["id"] = 6001, ["is_bot"] = false, ["first_name"] = "Ani" },
                    ["chat"] = new JsonObject { ["id"] = 6001, ["type"] = "private", ["first_name"] = "Ani" },
                    ["contact"] = new JsonObject { ["phone_number"] = PendampingPhone, ["first_name"] = "Ani", ["user_id"] = 6001 },
                },
            }));
            Assert.True(await app.WithDbAsync(db => db.Identities.AnyAsync(i => i.UserId == 6001 && i.Role == Role.Pendamping && i.PhoneVerified)), "onboarding did not bind and verify the pendamping");
            await SayAsync(api, 6001, "/kpm");
            await SayAsync(api, 6001, $"/kpm {idKpm}");
            await SayAsync(api, 6001, "/cari aminah");
            await SayAsync(api, 6001, $"/lapor {idKpm} kendala KKS hilang, hp baru {NotePhone}, NIK suami {NoteNik}");
            Assert.True(await app.WithDbAsync(db => db.Reports.AnyAsync()), "the report was not stored");
            // Koordinator: data quality (shows the duplicate NIK, masked).
            await SayAsync(api, 6003, "/cekdata");
            // A member of the public: a question with a NIK in it, and a knowledge answer without an LLM.
            await SayAsync(api, 6002, $"NIK saya {QuestionNik} kapan bantuan cair?");
            await SayAsync(api, 6002, "/tanya anak SD dapat berapa?");
            await SayAsync(api, 6002, $"kantor dinsos bojonegoro buka jam berapa hari sabtu? NIK saya {GroupedNik} hp {QuestionPhone}");
            var handoff = await app.WithDbAsync(db => db.Handoffs.Where(h => h.AskerUserId == 6002).Select(h => h.Id).SingleAsync());
            var toAdmin = api.SentTo(6004).Count;
            await StepAsync(api, 6002, () => api.EnqueueCallback(6002, $"handoff:ya:{handoff}"));
            await api.WaitUntilAsync(() => api.SentTo(6004).Count > toAdmin, Wait, "the question handed to the admin");
            // A reminder run (as `jobs run` does), delivered by the worker's sender.
            var before = api.SentTo(6001).Count;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var runner = scope.ServiceProvider.GetRequiredService<ReminderRunner>();
                var monday = new DateTimeOffset(2025, 11, 17, 7, 0, 0, TimeSpan.FromHours(7));
                var results = new List<ReminderRunResult>();
                foreach (var job in ReminderRunner.Jobs) results.Add(await runner.RunAsync(job, monday.AddDays(job == JobNames.CoordinatorWeekly ? 4 : 0).AddHours(job == JobNames.CoordinatorWeekly ? 8 : 0), CancellationToken.None));
                Assert.True(results.Sum(r => r.Messages) > 0, "no reminder was queued: " + string.Join("; ", results));
            }
            await api.WaitUntilAsync(() => api.SentTo(6001).Count > before, Wait, "a reminder to the pendamping");
            await api.WaitUntilAsync(() => app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Status == PkhBot.Channels.Outbox.OutboxStatus.Pending && m.Kind != PkhBot.Channels.Outbox.OutboxKind.Nudge)).GetAwaiter().GetResult() == false, Wait, "an empty outbox");
        }
        finally
        {
            await app.App.StopAsync();
        }

        var written = new List<(string Where, string Text)>();
        written.AddRange(api.Sent.Select(s => ($"sent {s.Method} to {s.ChatId}", $"{s.Text} {s.ReplyMarkup?.ToJsonString()} {s.FileName}")));
        written.AddRange(api.Calls.Select(c => ($"call {c.Method}", c.Text ?? "")));
        written.AddRange(logs.Lines.Select(l => ("log", l)));
        written.AddRange((await app.WithDbAsync(db => db.Inbox.Where(i => i.LastError != null).Select(i => i.LastError!).ToListAsync())).Select(e => ("inbox LastError", e)));
        written.AddRange((await app.WithDbAsync(db => db.Audit.Where(a => a.Details != null).Select(a => a.Details!).ToListAsync())).Select(d => ("audit Details", d)));
        var rest = await DatabaseScan.RunAsync(app);
        await app.DisposeAsync();
        output.WriteLine($"database scan: {rest.Values} text values in {rest.Tables} tables, {rest.RawBytes:N0} bytes of database and -wal");

        // Every table's text columns, except the roster's own NIK and phone columns (the data the programme hands over).
        // ISSUE 17.5, NIK masked at the channel's edge (another branch): until it is merged, the inbox keeps the update
        // as typed. The inbox table and the raw bytes are asserted in The_inbox_and_the_database_files_hold_no_typed_nik_or_phone.
        // Raw bytes count against this test only when the value is not one the inbox holds.
        var inInbox = rest.Findings.Where(f => f.Table == "Inbox").Select(f => f.Digits).ToHashSet();
        var inTables = rest.Findings.Where(f => f.Table != "Inbox" && !(f.Column == "bytes" && inInbox.Contains(f.Digits)))
            .Select(f => f.ToString()).Take(10).ToList();
        Assert.True(inTables.Count == 0, "unmasked in the database:\n" + string.Join("\n", inTables));

        // A phone number is searched by its last ten digits, so 08…, +628… and 628… all count.
        var secrets = niks.Distinct().Select(n => (Kind: "NIK", Value: n))
            .Concat(phones.Select(p => (Kind: "phone", Value: new string(p.Where(char.IsDigit).ToArray())[^10..])))
            .Append((Kind: "token", Value: FakeBotApi.Token)).ToList();
        output.WriteLine($"{written.Count} pieces scanned ({api.Sent.Count} sent, {logs.Lines.Count} log lines)");
        Assert.True(api.Sent.Count >= 9 && logs.Lines.Count > 50, "the scenario wrote too little to be a meaningful scan");
        var offending = written
            .SelectMany(w => secrets.Where(s => w.Text.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Kind} {s.Value} in {w.Where}: {w.Text}"))
            .Take(10).ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    /// <summary>Sends a text and waits until the bot has answered that chat.</summary>
    private static Task SayAsync(FakeBotApi api, long userId, string text) => StepAsync(api, userId, () => api.EnqueueMessage(userId, text));

    private static async Task StepAsync(FakeBotApi api, long userId, Func<long> enqueue)
    {
        var before = api.SentTo(userId).Count;
        enqueue();
        await api.WaitUntilAsync(() => api.SentTo(userId).Count > before, Wait, $"a reply to {userId}");
    }

    /// <summary>
    /// A NIK or phone number a mother typed is masked at the channel's edge, before the update is first stored: neither
    /// the inbox nor any other table, nor the bytes of the database file and its -wal, ever hold it whole.
    /// </summary>
    [Fact]
    public async Task The_inbox_and_the_database_files_hold_no_typed_nik_or_phone()
    {
        await using var api = await FakeBotApi.StartAsync();
        var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Url,
            ["Telegram:PollTimeoutSeconds"] = "1",
        }, AppMode.Worker, configure: b => b.Services.AddSingleton(TimeProvider.System));
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Identities.Add(new ChatIdentity { UserId = 6104, ChatId = 6104, Role = Role.Admin, DisplayName = "Admin", CreatedAt = now, LastSeenAt = now, Channel = "telegram" });
            await db.SaveChangesAsync();
        });
        DatabaseScan.Result scan;
        try
        {
            await app.App.StartAsync();
            await SayAsync(api, 6102, $"NIK saya {QuestionNik} kapan bantuan cair?");
            await SayAsync(api, 6102, $"kantor dinsos bojonegoro buka jam berapa hari sabtu? NIK saya {GroupedNik} hp {QuestionPhone}");
            var handoff = await app.WithDbAsync(db => db.Handoffs.Where(h => h.AskerUserId == 6102).Select(h => h.Id).SingleAsync());
            await StepAsync(api, 6102, () => api.EnqueueCallback(6102, $"handoff:ya:{handoff}"));
        }
        finally
        {
            await app.App.StopAsync();
            scan = await DatabaseScan.RunAsync(app);
            await app.DisposeAsync();
        }

        var found = scan.Findings.Select(f => f.ToString()).Take(10).ToList();
        Assert.True(found.Count == 0, "unmasked in the database or its -wal:\n" + string.Join("\n", found));
    }

    /// <summary>The scan of raw bytes finds what a person typed, but not the decimal digits of a key hash beside it.</summary>
    [Fact]
    public void The_scan_finds_a_typed_nik_or_phone_but_not_digits_inside_a_hash()
    {
        var found = DatabaseScan.Find("vm:17077:43805e224a9346238428934928b193ed·NIK saya 3522 0166 0190 0007 hp 0857-3311-2299·id 9f0848367068a1c2b3d4e5f60718293a"
            + "·version CA24C9C1-214E-42BA-98AD-0811297155E7").ToList();
        Assert.Equal(["NIK 3522016601900007", "phone 085733112299"], found.Select(f => $"{f.Kind} {f.Digits}"));
    }
}
