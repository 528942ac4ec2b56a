using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PkhBot.Conversation;
using PkhBot.Data;
using PkhBot.Households;

namespace PkhBot.Reporting;

public sealed record ReportDraft(Household Household, ReportCategory Category, string Note, ParsedNote Parsed)
{
    public string? PhotoFileId { get; init; }
    public GeoPoint? Location { get; init; }
}

public sealed record SavedReport(ProgressReport Report, FollowUp? FollowUp);

public enum WithdrawOutcome { Withdrawn, NotFound, NotYours, TooLate, AlreadyWithdrawn }

/// <summary>
/// Saving and withdrawing reports: the report, the household's LastReportAt, a follow-up for a kendala and the
/// audit entries, all in the pipeline's transaction.
/// </summary>
public sealed class ReportService(IOptions<ReportingOptions> options)
{
    public ReportingOptions Options => options.Value;

    public async Task<SavedReport> SaveAsync(ConversationContext ctx, ReportDraft d, CancellationToken ct)
    {
        var pendampingId = ctx.Caller.PendampingId ?? d.Household.PendampingId
            ?? throw new InvalidOperationException("A report needs a pendamping");
        var now = ctx.Now;
        var report = new ProgressReport
        {
            HouseholdId = d.Household.Id,
            PendampingId = pendampingId,
            EventAt = d.Parsed.EventAt,
            ReceivedAt = now,
            Category = d.Category,
            // A NIK or phone number typed in a note is kept masked, like everything the bot stores or sends.
            Note = Trim(Privacy.Mask.Text(d.Note), 2000),
            IncomeRupiah = d.Parsed.IncomeRupiah,
            AttendancePercent = d.Parsed.AttendancePercent,
            ValuesJson = ValuesJson(d.Parsed),
            PhotoFileId = d.PhotoFileId,
            Latitude = d.Location?.Latitude,
            Longitude = d.Location?.Longitude,
            SourceUpdateId = ctx.Message.UpdateId,
        };
        ctx.Db.Reports.Add(report);
        if (d.Household.LastReportAt is null || d.Household.LastReportAt < report.EventAt) d.Household.LastReportAt = report.EventAt;
        d.Household.UpdatedAt = now;
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Audit("report.create", nameof(ProgressReport), report.Id.ToString(), $"household:{d.Household.Id} kategori:{ReportCategories.Name(d.Category)}");

        FollowUp? followUp = null;
        if (d.Category == ReportCategory.Kendala)
        {
            followUp = new FollowUp
            {
                HouseholdId = d.Household.Id,
                PendampingId = pendampingId,
                ReportId = report.Id,
                Issue = report.Note,
                DueDate = Wib.Today(now).AddDays(d.Parsed.FollowUpDays ?? Options.FollowUpDays),
                Status = FollowUpStatus.Open,
                OpenedAt = now,
            };
            ctx.Db.FollowUps.Add(followUp);
            await ctx.Db.SaveChangesAsync(ct);
            ctx.Audit("followup.create", nameof(FollowUp), followUp.Id.ToString(), $"household:{d.Household.Id} report:{report.Id}");
        }
        return new SavedReport(report, followUp);
    }

    /// <summary>Withdraws one's own report within the window; the household's LastReportAt is recomputed.</summary>
    public async Task<(WithdrawOutcome Outcome, ProgressReport? Report)> WithdrawAsync(ConversationContext ctx, int reportId, CancellationToken ct)
    {
        var report = await ctx.Db.Reports.Include(r => r.Household).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return (WithdrawOutcome.NotFound, null);
        if (ctx.Caller.PendampingId is not int me || report.PendampingId != me) return (WithdrawOutcome.NotYours, null);
        if (report.Withdrawn) return (WithdrawOutcome.AlreadyWithdrawn, report);
        if (ctx.Now - report.ReceivedAt > TimeSpan.FromHours(Options.WithdrawHours)) return (WithdrawOutcome.TooLate, report);

        report.Withdrawn = true;
        report.WithdrawnAt = ctx.Now;
        var household = report.Household!;
        household.LastReportAt = await ctx.Db.Reports
            .Where(r => r.HouseholdId == household.Id && !r.Withdrawn && r.Id != report.Id)
            .OrderByDescending(r => r.EventAt)
            .Select(r => (DateTimeOffset?)r.EventAt)
            .FirstOrDefaultAsync(ct);
        household.UpdatedAt = ctx.Now;
        ctx.Audit("report.withdraw", nameof(ProgressReport), report.Id.ToString(), $"household:{household.Id}");
        return (WithdrawOutcome.Withdrawn, report);
    }

    private static string? ValuesJson(ParsedNote p)
    {
        var values = new Dictionary<string, object>();
        if (p.Amounts.Count > 0) values["amounts"] = p.Amounts;
        if (p.IncomePeriod is not null) values["incomePeriod"] = p.IncomePeriod;
        if (p.DatePhrase is not null) values["datePhrase"] = p.DatePhrase;
        if (p.BusinessMonths is not null) values["businessMonths"] = p.BusinessMonths;
        if (p.FollowUpDays is not null) values["followUpDays"] = p.FollowUpDays;
        return values.Count == 0 ? null : Trim(JsonSerializer.Serialize(values), 2000);
    }

    /// <summary>Reads "businessMonths" back out of <see cref="ProgressReport.ValuesJson"/>.</summary>
    public static int? BusinessMonths(string? valuesJson)
    {
        if (string.IsNullOrEmpty(valuesJson)) return null;
        try
        {
            using var doc = JsonDocument.Parse(valuesJson);
            return doc.RootElement.TryGetProperty("businessMonths", out var v) && v.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
