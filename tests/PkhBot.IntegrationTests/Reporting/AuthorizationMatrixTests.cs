using Microsoft.EntityFrameworkCore;
using PkhBot.Households;
using PkhBot.IntegrationTests.Infrastructure;
using PkhBot.Onboarding;
using PkhBot.Reporting;

namespace PkhBot.IntegrationTests.Reporting;

/// <summary>
/// Every reporting command and button x every role, against one household of pendamping P001 in Ngraho.
/// "Y" = the caller sees or changes that household; "N" = it gets nothing of it. Buttons are pressed with
/// forged payloads (ids typed in, never shown to that caller).
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Roles = ["none", "kpm", "pendamping", "pendamping lain", "koordinator lain", "koordinator", "admin"];

    //                                                    none kpm pend pLain kLain koord admin
    private static readonly (string Action, string Expected)[] Matrix =
    [
        ("/kpm {idkpm}",                                  "N N Y N N Y Y"),
        ("press kpm:c:{hid}",                             "N N Y N N Y Y"),
        ("/cari siti aminah",                             "N N Y N N Y Y"),
        ("/lapor {idkpm} kunjungan rumah rapi",           "N N Y N N N N"),
        ("press lf:start:{hid}",                          "N N Y N N N N"),
        ("/tindaklanjut",                                 "N N Y N N Y Y"),
        ("/selesai {fid} sudah diurus",                   "N N Y N N Y Y"),
        ("/kandidat",                                     "N N Y N N Y Y"),
        ("/graduasi {idkpm} alamiah tidak ada komponen",  "N N Y N N Y Y"),
        ("/cekdata",                                      "N N N N N Y Y"),
        ("/batal {rid}",                                  "N N Y N N N N"),
    ];

    private TestApp _app = null!;
    private ReportingData _data = null!;
    private readonly Dictionary<string, ChatDriver> _chats = [];
    private Household _h = null!;
    private int _followUpId, _reportId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = new ReportingData(_app);
        var p1 = await _data.PendampingAsync("P001");
        var p2 = await _data.PendampingAsync("P002", "Dander");
        _h = await _data.HouseholdAsync(p1, "3522011234", "Siti Aminah", configure: h => { h.Sd = 0; h.Nik = "3522015508870001"; });
        await _data.HouseholdAsync(p1, "3522011235", "Dobel Nik", configure: h => h.Nik = "3522015508870001");
        await _data.HouseholdAsync(p2, "3522069999", "Sumarni Rahayu", "Ngunut", "Dander");
        var kIn = await _data.CoordinatorAsync(false, "Ngraho");
        var kOut = await _data.CoordinatorAsync(false, "Dander");
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
    public async Task Every_command_and_button_respects_the_callers_scope()
    {
        var mismatches = new List<string>();
        foreach (var (action, expected) in Matrix)
        {
            var cells = expected.Split(' ');
            for (var i = 0; i < Roles.Length; i++)
            {
                await ResetAsync();
                var text = action.Replace("{idkpm}", _h.IdKpm).Replace("{hid}", _h.Id.ToString())
                    .Replace("{fid}", _followUpId.ToString()).Replace("{rid}", _reportId.ToString());
                var chat = _chats[Roles[i]];
                var reply = text.StartsWith("press ", StringComparison.Ordinal) ? await chat.PressAsync(text[6..]) : await chat.SendAsync(text);
                var actual = await ReachedAsync(action, reply.Text) ? "Y" : "N";
                if (actual != cells[i]) mismatches.Add($"{action} as {Roles[i]}: expected {cells[i]}, got {actual} ({reply.Text.Replace('\n', ' ')})");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Whether the caller saw or changed the target household: by what the reply shows and what the DB holds.</summary>
    private async Task<bool> ReachedAsync(string action, string reply)
    {
        if (action.StartsWith("/lapor", StringComparison.Ordinal))
            return await _app.WithDbAsync(db => db.Reports.CountAsync(r => r.HouseholdId == _h.Id)) > 1;
        if (action.StartsWith("/selesai", StringComparison.Ordinal))
            return await _app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.Id == _followUpId && f.Status == FollowUpStatus.Closed));
        if (action.StartsWith("/graduasi", StringComparison.Ordinal))
            return await _app.WithDbAsync(db => db.Households.AnyAsync(h => h.Id == _h.Id && h.Status != HouseholdStatus.Aktif));
        if (action.StartsWith("/batal", StringComparison.Ordinal))
            return await _app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == _reportId && r.Withdrawn));
        if (action == "/cekdata") return reply.Contains("************0001", StringComparison.Ordinal);
        if (action == "/tindaklanjut") return reply.Contains("KKS hilang", StringComparison.Ordinal);
        return reply.Contains("Siti Aminah", StringComparison.Ordinal);
    }

    /// <summary>Each cell starts from the same state: one kendala report with an open follow-up, household active.</summary>
    private async Task ResetAsync() => await _app.WithDbAsync(async db =>
    {
        await db.Flows.ExecuteDeleteAsync();
        await db.FollowUps.ExecuteDeleteAsync();
        await db.Graduations.ExecuteDeleteAsync();
        await db.Reports.ExecuteDeleteAsync();
        var h = await db.Households.SingleAsync(x => x.Id == _h.Id);
        h.Status = HouseholdStatus.Aktif;
        var r = new ProgressReport
        {
            HouseholdId = h.Id, PendampingId = h.PendampingId!.Value, Category = ReportCategory.Kendala, Note = "KKS hilang",
            EventAt = _app.Clock.GetUtcNow(), ReceivedAt = _app.Clock.GetUtcNow(),
        };
        db.Reports.Add(r);
        await db.SaveChangesAsync();
        var f = new FollowUp
        {
            HouseholdId = h.Id, PendampingId = h.PendampingId!.Value, ReportId = r.Id, Issue = "KKS hilang",
            DueDate = new DateOnly(2025, 11, 20), Status = FollowUpStatus.Open, OpenedAt = _app.Clock.GetUtcNow(),
        };
        db.FollowUps.Add(f);
        await db.SaveChangesAsync();
        _followUpId = f.Id;
        _reportId = r.Id;
    });
}
