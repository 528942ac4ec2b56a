using System.Runtime.CompilerServices;

namespace PkhBot.Reminders;

/// <summary>Monday: the digest of each coordinator's scope, numbers first, with a chart.</summary>
public sealed class CoordinatorWeeklyPlanner(DigestBuilder digests, RecipientDirectory directory, WorkCalendar calendar,
    Ppse.PpseFunnel ppse, Data.PkhDbContext db) : IReminderPlanner
{
    public string Job => JobNames.CoordinatorWeekly;

    public async IAsyncEnumerable<PlannedNudge> PlanAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct)
    {
        var recipients = await directory.CoordinatorsAsync(ct);
        if (recipients.Count == 0) yield break;
        var period = WorkCalendar.WeekKey(calendar.LocalDate(now));
        var stats = await digests.StatsAsync(now, null, ct);   // once for the kabupaten, then summed per scope
        var path = await ppse.ComputeAsync(db, db.Households, now, ct, perPendamping: false);
        foreach (var scope in await directory.CoordinatorScopesAsync(ct))
        {
            if (!recipients.TryGetValue(scope.Id, out var to)) continue;
            var mine = stats.Values.Where(k => scope.Covers(k.KecamatanId)).ToList();
            if (mine.Count == 0) continue;
            var digest = digests.For(DigestBuilder.ScopeName(scope.WholeKabupaten, mine), now, mine);
            var reply = DigestText.ToReply(digest, DigestChart.Render(digest));
            var line = Ppse.PpseTexts.DigestLine(path.Only(r => scope.Covers(r.Key)));
            // The digest's text is the chart's caption: the PPSE line only when it fits, never cutting the digest short.
            var html = reply.Html.Length + line.Length + 1 <= Channels.Outbox.OutboxMessageFactory.MaxCaptionChars ? reply.Html + "\n" + line : reply.Html;
            yield return new PlannedNudge($"coordinator:{scope.Id}", period, to, reply with { Html = html });
        }
    }
}
