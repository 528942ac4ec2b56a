using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Reminders;

namespace PkhBot.Referrals;

/// <summary>
/// Working days: a referral still unanswered after Referrals:UnansweredDays is nudged to the mitra's officers and
/// escalated to the coordinators of the household's kecamatan, once each (the nudge log dedupes by referral).
/// </summary>
public sealed class UnansweredReferralsPlanner(PkhDbContext db, RecipientDirectory directory, ReferralDesk desk, IOptions<ReferralsOptions> options)
    : IReminderPlanner
{
    public string Job => JobNames.ReferralUnanswered;

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var days = options.Value.UnansweredDays;
        var sentBefore = now.AddDays(-days);
        var overdue = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Sent && r.CreatedAt <= sentBefore)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.MitraCode, r.CreatedAt, r.Household!.NamaPengurus, r.Household.KecamatanId, Kecamatan = r.Household.Kecamatan!.Nama })
            .ToListAsync(ct);
        if (overdue.Count == 0) yield break;

        var mitraChats = await directory.MitraAsync(ct);
        var coordinatorChats = await directory.CoordinatorsAsync(ct);
        var scopes = await directory.CoordinatorScopesAsync(ct);
        foreach (var r in overdue)
        {
            var age = (int)(now - r.CreatedAt).TotalDays;
            var subject = $"referral:{r.Id}";
            if (mitraChats.TryGetValue(r.MitraCode, out var officers))
                yield return new PlannedNudge(subject, "mitra", officers,
                    new Reply(ReferralTexts.NudgeMitra(r.Id, r.NamaPengurus, age)) { Keyboard = ReferralDesk.AnswerButtons(r.Id) });
            var mitra = desk.MitraOf(r.MitraCode);
            foreach (var scope in scopes.Where(s => s.Covers(r.KecamatanId)))
            {
                if (!coordinatorChats.TryGetValue(scope.Id, out var to)) continue;
                yield return new PlannedNudge($"{subject}:coordinator:{scope.Id}", "escalated", to,
                    new Reply(ReferralTexts.EscalateCoordinator(r.Id, r.NamaPengurus, r.Kecamatan, mitra, age)));
            }
        }
    }
}
