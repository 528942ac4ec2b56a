using PkhBot.Bench;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using Xunit.Abstractions;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// 10,000 generated messages against the real pipeline and a real SQLite file, from every role: nothing may
/// fail inside a handler, every message gets a reply Telegram would accept, and the database stays consistent.
/// </summary>
public sealed class PipelineFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 10_000;
    private TestApp _app = null!;
    private readonly List<ChatDriver> _users = [];

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var (pendampingId, coordinatorId) = await _app.WithDbAsync(async db =>
        {
            var kapas = await db.Kecamatan.Include(k => k.Desa).SingleAsync(k => k.Nama == "Kapas");
            var p = new Pendamping { Kode = "PDP-FZ", Nama = "Fuzz <b>&", KecamatanId = kapas.Id, Phone = "081234567890", CreatedAt = _app.Clock.GetUtcNow() };
            db.Pendamping.Add(p);
            for (var i = 0; i < 30; i++)
                db.Households.Add(new Household
                {
                    IdKpm = $"35220{i:D5}", Nik = $"35220112345{i:D5}", NamaPengurus = i % 3 == 0 ? $"Siti <Aminah> & _{i}_" : $"Bu Sri {i}",
                    NamaSearch = $"siti aminah {i}", KecamatanId = kapas.Id, DesaId = kapas.Desa[i % kapas.Desa.Count].Id, Pendamping = p, Sd = i % 3, Lansia = i % 2,
                });
            var c = new Coordinator { Nama = "Koor Fuzz", CreatedAt = _app.Clock.GetUtcNow() };
            c.Kecamatan.Add(new CoordinatorKecamatan { KecamatanId = kapas.Id });
            db.Coordinators.Add(c);
            await db.SaveChangesAsync();
            return (p.Id, c.Id);
        });
        _users.Add(new ChatDriver(_app, 9_001));
        _users.Add(await new ChatDriver(_app, 9_002).AsAsync(Role.Kpm));
        _users.Add(await new ChatDriver(_app, 9_003).AsAsync(Role.Pendamping, pendampingId));
        _users.Add(await new ChatDriver(_app, 9_004).AsAsync(Role.Koordinator, coordinatorId: coordinatorId));
        _users.Add(await new ChatDriver(_app, 9_005).AsAsync(Role.Admin));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_generated_messages_all_get_a_valid_reply_and_leave_the_database_consistent()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICommandHandler>().SelectMany(h => new[] { h.Spec.Name }.Concat(h.Spec.Aliases ?? [])).Distinct().ToArray();
        var prefixes = scope.ServiceProvider.GetServices<ICallbackHandler>().Select(h => h.Prefix).Distinct().ToArray();
        var messages = Generators(commands, prefixes).Array[Messages, Messages].Single();

        var problems = new List<string>();
        var i = 0;
        foreach (var (kind, text) in messages)
        {
            var user = _users[i++ % _users.Count];
            var replies = kind == "callback" ? await user.PressAsync(text) : await user.SendAsync(text);
            if (kind != "callback" && replies.Messages.Count == 0) problems.Add($"no reply to {Show(text)}");
            foreach (var m in replies.Messages)
            {
                if (TelegramHtml.Check(m.Text) is { } err) problems.Add($"{err} in reply to {Show(text)}");
                if (TelegramHtml.VisibleText(m.Text).Length > 4096) problems.Add($"too long reply to {Show(text)}");
                if (m.Text.Contains("3522011234500001")) problems.Add($"whole NIK in reply to {Show(text)}");
            }
            if (problems.Count > 20) break;
        }

        var failed = await _app.WithDbAsync(db => db.Inbox.Where(x => x.Status == InboxStatus.Failed).Select(x => x.LastError).Take(10).ToListAsync());
        problems.AddRange(failed.Select(e => $"handler failure: {e}"));
        var integrity = await _app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check;";
            var ok = (string)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA foreign_key_check;";
            await using var r = await cmd.ExecuteReaderAsync();
            return ok + (r.HasRows ? " + foreign key violations" : "");
        });
        output.WriteLine($"{i} messages, {problems.Count} problems, integrity: {integrity}");
        foreach (var p in problems.Take(20)) output.WriteLine(p);
        Assert.Equal("ok", integrity);
        Assert.Empty(problems);
    }

    private static string Show(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static Gen<(string Kind, string Text)> Generators(string[] commands, string[] prefixes)
    {
        var unicode = Gen.String[Gen.Char, 0, 200];
        var emoji = Gen.OneOf("😀", "🙏🏽", "👨‍👩‍👧", "🇮🇩", "❤️", "\u200d", "\ufe0f").Array[1, 20].Select(a => string.Concat(a));
        var rtl = Gen.OneOf("مرحبا بكم", "שלום", "\u202eabc\u202c", "\u200f").Select(s => s + " bantuan");
        var huge = Gen.Int[4000, 4200].Select(n => new string('a', n));
        var markup = Gen.OneOf("<b>", "</i>", "&", "&amp", "<script>", "*tebal*", "_miring_", "[link](http://x)", "`kode`", "<a href=\"x\">", ">", "<<>>")
            .Array[1, 8].Select(a => string.Join(" ", a));
        var sql = Gen.OneOf("'; DROP TABLE Households; --", "1 OR 1=1", "\" OR \"\"=\"", "Robert'); DELETE FROM Reports;--", "%_%");
        var numbers = Gen.OneOf(Gen.Long.Select(l => l.ToString()), Gen.OneOf("3522011234500001", "081234567890", "-1", "0", "99999999999999999999999", "1e308", "NaN"));
        var words = Gen.OneOf("anak SD dapat berapa?", "kapan cair", "Bu Siti Aminah sudah buka warung omzet 1,5jt", "STOP", "batal", "ya", "semua", "kendala", "usaha", "mandiri");
        var arg = Gen.OneOf(unicode, markup, sql, numbers, words, Gen.Const(""));
        var command = Gen.Select(Gen.OneOf(commands), arg.Array[0, 4], (c, a) => ("/" + c + " " + string.Join(" ", a)).TrimEnd());
        var callback = Gen.Select(Gen.OneOf(Gen.OneOf(prefixes), Gen.String[Gen.Char.AlphaNumeric, 0, 10]), Gen.OneOf(numbers, unicode.Select(s => s.Length > 40 ? s[..40] : s), Gen.Const("1:2:3"), Gen.Const("")),
            (p, a) => $"{p}:{a}");
        return Gen.Frequency(
            (3, Gen.OneOf(unicode, emoji, rtl, markup, sql, numbers, words).Select(t => ("text", t))),
            (1, huge.Select(t => ("text", t))),
            (4, command.Select(t => ("text", t))),
            (2, callback.Select(t => ("callback", t.Length > 64 ? t[..64] : t))));
    }
}
