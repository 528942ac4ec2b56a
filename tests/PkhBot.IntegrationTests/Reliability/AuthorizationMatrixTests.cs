using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Conversation;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.IntegrationTests.Reporting;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// EVERY registered command and EVERY button prefix x every role, against one household "Siti Aminah" of pendamping
/// P001 in Ngraho (the in-scope household) while a second household "Sumarni Rahayu" of P002 in Dander is out of scope
/// for P001 and the Ngraho koordinator. Buttons are pressed with forged payloads (ids typed in, never shown to that caller).
/// Cells: Y = allowed (the caller sees or changes the target, or the command runs when it has no household target);
/// R = refused by role (the router's "hanya untuk" hint); S = refused by scope or by the handler (nothing of the target
/// seen or changed). Buttons have no router role check, so for them R and S both mean "refused by the handler".
/// On top of every cell: a reply never shows the name or ID KPM of a household outside the caller's scope.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Roles = ["none", "kpm", "pendamping", "pendamping lain", "koordinator lain", "koordinator", "admin"];

    //                                                    none kpm pend pLain kLain koord admin
    private static readonly (string Action, string Expected)[] Matrix =
    [
        ("/kpm {idkpm}",                                  "R R Y S S Y Y"),
        ("/cari siti aminah",                             "R R Y S S Y Y"),
        ("/lapor {idkpm} kunjungan rumah rapi",           "R R Y S R R R"),
        ("/tindaklanjut",                                 "R R Y S S Y Y"),
        ("/tl",                                           "R R Y S S Y Y"),
        ("/selesai {fid} sudah diurus",                   "R R Y S S Y Y"),
        ("/kandidat",                                     "R R Y S S Y Y"),
        ("/graduasi {idkpm} alamiah tidak ada komponen",  "R R Y S S Y Y"),
        ("/cekdata",                                      "R R R R S Y Y"),
        ("/batal {rid}",                                  "S S Y S S S S"),
        ("/cancel {rid}",                                 "S S Y S S S S"),
        ("/p2k2",                                         "R R Y Y R R R"),
        ("/rekap",                                        "R R R R Y Y Y"),
        ("/ekspor",                                       "R R R R Y Y Y"),
        ("/umumkan",                                      "R R R R Y Y Y"),
        ("/pertanyaan",                                   "R R Y Y Y Y Y"),
        ("/jawab {qid} sudah dijawab",                    "R R Y S S Y Y"),
        ("/desa",                                         "Y Y R R R R R"),
        ("/bantuan",                                      "Y Y Y Y Y Y Y"),
        ("/help",                                         "Y Y Y Y Y Y Y"),
        ("/start",                                        "Y Y Y Y Y Y Y"),
        ("/tanya anak SD dapat berapa",                   "Y Y Y Y Y Y Y"),
        ("/faq anak SD dapat berapa",                     "Y Y Y Y Y Y Y"),
        ("/berhenti",                                     "Y Y Y Y Y Y Y"),
        ("/stop",                                         "Y Y Y Y Y Y Y"),
        ("/unsubscribe",                                  "Y Y Y Y Y Y Y"),
        ("/mulai",                                        "Y Y Y Y Y Y Y"),
        ("/subscribe",                                    "Y Y Y Y Y Y Y"),
        ("press kpm:c:{hid}",                             "S S Y S S Y Y"),
        ("press lf:start:{hid}",                          "S S Y S S S S"),
        ("press tl:list",                                 "S S Y S S Y Y"),
        ("press ft:ok",                                   "S S S S S S S"),
        ("press p2:a:all",                                "S S S S S S S"),
        ("press umk:kirim",                               "S S S S S S S"),
        ("press handoff:ya:{qid2}",                        "S S S S S S S"),
        ("press desa:d:{desa}",                           "Y Y S S S S S"),
        ("/rujuk {idkpm} DINKOP butuh pelatihan usaha",   "R R Y S R R R"),
        ("/rujukan",                                      "R R Y Y R R R"),
        ("/hasil 1 ikut pelatihan",                       "R R R R R R R"),
        ("/ppse",                                         "R R R R Y Y Y"),
        ("press rj:ok",                                   "S S S S S S S"),
        ("press rm:a:1",                                  "S S S S S S S"),
        ("press gr:ok",                                   "S S S S S S S"),
    ];

    /// <summary>
    /// The chat-type dimension: in a group these (programme questions and the command list) run for every role; every
    /// other row gets the private-chat notice and reaches nothing, for every role. Matched by the row's first word.
    /// </summary>
    private static readonly HashSet<string> WorksInGroups = ["/tanya", "/faq", "/bantuan", "/help"];

    private long _nextGroup = -100_900_000;

    private TestApp _app = null!;
    private ReportingData _data = null!;
    private readonly Dictionary<string, ChatDriver> _chats = [];
    private Household _h = null!, _other = null!;
    private int _followUpId, _reportId, _questionId, _consentId, _desaId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        var p1 = await _data.PendampingAsync("P001");
        var p2 = await _data.PendampingAsync("P002", "Dander");
        _h = await _data.HouseholdAsync(p1, "3522011234", "Siti Aminah", configure: h => { h.Sd = 0; h.Nik = "3522015508870001"; });
        await _data.HouseholdAsync(p1, "3522011235", "Dobel Nik", configure: h => h.Nik = "3522015508870001");
        _other = await _data.HouseholdAsync(p2, "3522069999", "Sumarni Rahayu", "Ngunut", "Dander", h => h.Sd = 0);
        var kIn = await _data.CoordinatorAsync(false, "Ngraho");
        var kOut = await _data.CoordinatorAsync(false, "Dander");
        _desaId = await _app.WithDbAsync(db => db.Desa.Where(d => d.Nama == "Luwihaji").Select(d => d.Id).FirstAsync());
        _chats["none"] = new ChatDriver(_app, 9901);
        _chats["kpm"] = await new ChatDriver(_app, 9902).AsAsync(Role.Kpm);
        _chats["pendamping"] = await new ChatDriver(_app, 9903).AsAsync(Role.Pendamping, p1);
        _chats["pendamping lain"] = await new ChatDriver(_app, 9904).AsAsync(Role.Pendamping, p2);
        _chats["koordinator lain"] = await new ChatDriver(_app, 9905).AsAsync(Role.Koordinator, coordinatorId: kOut);
        _chats["koordinator"] = await new ChatDriver(_app, 9906).AsAsync(Role.Koordinator, coordinatorId: kIn);
        _chats["admin"] = await new ChatDriver(_app, 9907).AsAsync(Role.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_table_covers_every_registered_command_alias_and_button_prefix()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var names = scope.ServiceProvider.GetServices<ICommandHandler>().SelectMany(h => new[] { h.Spec.Name }.Concat(h.Spec.Aliases ?? [])).ToList();
        var prefixes = scope.ServiceProvider.GetServices<ICallbackHandler>().Select(h => h.Prefix).ToList();
        var rows = Matrix.Select(m => m.Action.Split(' ')[0] == "press" ? m.Action.Split(' ')[1].Split(':')[0] : m.Action.Split(' ')[0][1..]).ToHashSet();
        var missing = names.Concat(prefixes).Where(n => !rows.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not in the table: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_command_and_button_respects_the_callers_role_and_scope()
    {
        var mismatches = new List<string>();
        foreach (var (action, expected) in Matrix)
        {
            var cells = expected.Split(' ');
            Assert.Equal(Roles.Length, cells.Length);
            for (var i = 0; i < Roles.Length; i++)
            {
                await ResetAsync();
                var text = action.Replace("{idkpm}", _h.IdKpm).Replace("{hid}", _h.Id.ToString()).Replace("{qid2}", _consentId.ToString()).Replace("{qid}", _questionId.ToString())
                    .Replace("{fid}", _followUpId.ToString()).Replace("{rid}", _reportId.ToString()).Replace("{desa}", _desaId.ToString());
                var chat = _chats[Roles[i]];
                var reply = text.StartsWith("press ", StringComparison.Ordinal) ? await chat.PressAsync(text[6..]) : await chat.SendAsync(text);
                var actual = reply.Text.Contains("hanya untuk", StringComparison.Ordinal) && !text.StartsWith("press ", StringComparison.Ordinal) ? "R"
                    : await ReachedAsync(action, reply.Text) ? "Y" : "S";
                var want = cells[i];
                var same = text.StartsWith("press ", StringComparison.Ordinal) ? (want == "Y") == (actual == "Y") : want == actual;
                if (!same) mismatches.Add($"{action} as {Roles[i]}: expected {want}, got {actual} ({Short(reply.Text)})");
                foreach (var leak in await LeaksAsync(Roles[i], reply, text))
                    mismatches.Add($"{action} as {Roles[i]}: out-of-scope {leak} in reply ({Short(reply.Text)})");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task In_a_group_only_programme_questions_and_help_run_and_everything_else_gets_the_private_chat_notice()
    {
        var mismatches = new List<string>();
        foreach (var (action, _) in Matrix)
        {
            var inGroup = WorksInGroups.Contains(action.Split(' ')[0]);
            for (var i = 0; i < Roles.Length; i++)
            {
                await ResetAsync();
                var text = action.Replace("{idkpm}", _h.IdKpm).Replace("{hid}", _h.Id.ToString()).Replace("{qid2}", _consentId.ToString()).Replace("{qid}", _questionId.ToString())
                    .Replace("{fid}", _followUpId.ToString()).Replace("{rid}", _reportId.ToString()).Replace("{desa}", _desaId.ToString());
                // A new group each cell: the notice is said once per user and group in a while.
                var chat = _chats[Roles[i]].InGroup(--_nextGroup);
                try
                {
                    var reply = text.StartsWith("press ", StringComparison.Ordinal) ? await chat.PressAsync(text[6..]) : await chat.SendAsync(text);
                    var notice = reply.Text.Contains("hanya bisa dipakai di chat pribadi", StringComparison.Ordinal);
                    if (inGroup && (notice || reply.Messages.Count == 0))
                        mismatches.Add($"{action} as {Roles[i]} in a group: expected it to run, got ({Short(reply.Text)})");
                    if (!inGroup && !notice)
                        mismatches.Add($"{action} as {Roles[i]} in a group: expected the private-chat notice, got ({Short(reply.Text)})");
                    if (!inGroup && !IsRunAnywhere(action) && await ReachedAsync(action, reply.Text))
                        mismatches.Add($"{action} as {Roles[i]} in a group: the target was reached");
                    // In a group no household is shown at all, in scope or not.
                    var all = string.Join("\n", reply.Messages.Select(m => m.Text + " " + m.KeyboardJson));
                    foreach (var v in new[] { _h.NamaPengurus, _other.NamaPengurus, _h.IdKpm, _other.IdKpm, "KKS hilang" }.Where(v => all.Contains(v, StringComparison.OrdinalIgnoreCase) && !text.Contains(v, StringComparison.OrdinalIgnoreCase)))
                        mismatches.Add($"{action} as {Roles[i]} in a group: {v} in the reply ({Short(reply.Text)})");
                }
                finally
                {
                    chat.InPrivate();
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Rows whose "reached" check is only "it ran" (no household target): the notice itself is the check.</summary>
    private static bool IsRunAnywhere(string action)
        => action.Split(' ')[0] is not ("/lapor" or "/selesai" or "/graduasi" or "/batal" or "/cancel" or "/jawab" or "/cekdata" or "/tindaklanjut" or "/tl"
            or "/kpm" or "/cari" or "/kandidat" or "press");

    private static string Short(string s) => (s.Length > 160 ? s[..160] : s).Replace('\n', ' ');

    /// <summary>Names and ID KPM of households outside this role's scope that appear in the reply (an ID the caller typed does not count).</summary>
    private Task<List<string>> LeaksAsync(string role, BotReplies reply, string typed)
    {
        var outOfScope = role switch
        {
            "pendamping" or "koordinator" => [_other],
            "pendamping lain" or "koordinator lain" => [_h],
            "admin" => [],
            _ => new[] { _h, _other },
        };
        var all = string.Join("\n", reply.Messages.Select(m => m.Text + " " + m.KeyboardJson));
        var found = outOfScope.SelectMany(h => new[] { h.NamaPengurus, h.IdKpm, h.Nik })
            .Where(v => all.Contains(v, StringComparison.OrdinalIgnoreCase) && !typed.Contains(v, StringComparison.OrdinalIgnoreCase)).ToList();
        return Task.FromResult(found);
    }

    /// <summary>Whether the caller saw or changed the target: by what the reply shows and what the DB holds.</summary>
    private async Task<bool> ReachedAsync(string action, string reply)
    {
        var verb = action.Split(' ')[0] == "press" ? action.Split(' ')[1].Split(':')[0] : action.Split(' ')[0];
        switch (verb)
        {
            case "/lapor": return await _app.WithDbAsync(db => db.Reports.CountAsync(r => r.HouseholdId == _h.Id)) > 1;
            case "ft": return await _app.WithDbAsync(db => db.Reports.CountAsync()) > 1;
            case "p2": return await _app.WithDbAsync(db => db.P2K2Sessions.AnyAsync());
            case "umk": return await _app.WithDbAsync(db => db.Announcements.AnyAsync());
            case "handoff": return await _app.WithDbAsync(db => db.Handoffs.AnyAsync(q => q.Id == _consentId && q.Status != HandoffStatus.AwaitingConsent));
            case "desa": return await _app.WithDbAsync(db => db.Identities.AnyAsync(i => i.DesaId == _desaId));
            case "/selesai": return await _app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.Id == _followUpId && f.Status == FollowUpStatus.Closed));
            case "/graduasi": return reply.Contains("Siti Aminah", StringComparison.Ordinal);
            case "gr": return await _app.WithDbAsync(db => db.Households.AnyAsync(h => h.Id == _h.Id && h.Status != HouseholdStatus.Aktif));
            case "/batal" or "/cancel": return await _app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == _reportId && r.Withdrawn));
            case "/jawab": return await _app.WithDbAsync(db => db.Handoffs.AnyAsync(q => q.Id == _questionId && q.Answer != null));
            case "/cekdata": return reply.Contains("************0001", StringComparison.Ordinal);
            case "/tindaklanjut" or "/tl" or "tl": return reply.Contains("KKS hilang", StringComparison.Ordinal);
            case "/kpm" or "/cari" or "/kandidat" or "kpm" or "lf" or "/rujuk": return reply.Contains("Siti Aminah", StringComparison.Ordinal);
            case "rj": return await _app.WithDbAsync(db => db.Referrals.AnyAsync());
            case "rm": return await _app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.Status != PkhBot.Referrals.ReferralStatus.Sent));
            default: return true; // no household target: running at all (not refused by role) is "allowed"
        }
    }

    /// <summary>
    /// Each cell starts from the same state: one kendala report with an open follow-up, household active, no flows, no
    /// desa chosen, no announcements or P2K2 sessions, and an open KPM question (of another user) handed to P001 and one still awaiting its asker's consent.
    /// </summary>
    private async Task ResetAsync() => await _app.WithDbAsync(async db =>
    {
        await db.Flows.ExecuteDeleteAsync();
        await db.Referrals.ExecuteDeleteAsync();
        await db.FollowUps.ExecuteDeleteAsync();
        await db.Graduations.ExecuteDeleteAsync();
        await db.Reports.ExecuteDeleteAsync();
        await db.P2K2Attendance.ExecuteDeleteAsync();
        await db.P2K2Sessions.ExecuteDeleteAsync();
        await db.Announcements.ExecuteDeleteAsync();
        await db.Handoffs.ExecuteDeleteAsync();
        await db.Identities.Where(i => i.DesaId != null).ExecuteUpdateAsync(s => s.SetProperty(i => i.DesaId, (int?)null));
        await db.Identities.Where(i => i.UserId == 9901 && i.Role == Role.Kpm).ExecuteDeleteAsync();
        await db.Households.Where(h => h.Status != HouseholdStatus.Aktif).ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HouseholdStatus.Aktif));
        var now = _app.Clock.GetUtcNow();
        var r = new ProgressReport
        {
            HouseholdId = _h.Id, PendampingId = _h.PendampingId!.Value, Category = ReportCategory.Kendala, Note = "KKS hilang",
            EventAt = now, ReceivedAt = now,
        };
        db.Reports.Add(r);
        var q = new HandoffQuestion
        {
            AskerUserId = 777, AskerChatId = 777, Question = "kapan cair?", DesaId = _h.DesaId, KecamatanId = _h.KecamatanId,
            AssignedPendampingId = _h.PendampingId, Status = HandoffStatus.Open, AskedAt = now,
        };
        db.Handoffs.Add(q);
        var consent = new HandoffQuestion
        {
            AskerUserId = 778, AskerChatId = 778, Question = "bansos kapan?", DesaId = _h.DesaId, KecamatanId = _h.KecamatanId,
            Status = HandoffStatus.AwaitingConsent, AskedAt = now,
        };
        db.Handoffs.Add(consent);
        await db.SaveChangesAsync();
        var f = new FollowUp
        {
            HouseholdId = _h.Id, PendampingId = _h.PendampingId!.Value, ReportId = r.Id, Issue = "KKS hilang",
            DueDate = new DateOnly(2025, 11, 20), Status = FollowUpStatus.Open, OpenedAt = now,
        };
        db.FollowUps.Add(f);
        await db.SaveChangesAsync();
        _followUpId = f.Id;
        _reportId = r.Id;
        _questionId = q.Id;
        _consentId = consent.Id;
    });
}
