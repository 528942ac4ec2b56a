using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Announcements;

public enum AnnouncementStatus
{
    Draft = 0,
    Scheduled = 1,
    Queued = 2,
    Done = 3,
    Cancelled = 4,
}

public sealed class Announcement
{
    public int Id { get; set; }
    public int AuthorIdentityId { get; set; }
    public required string Text { get; set; }
    /// <summary>"pendamping" or "kpm".</summary>
    public required string Audience { get; set; }
    /// <summary>Comma-separated kecamatan ids.</summary>
    public required string KecamatanIds { get; set; }
    public int Recipients { get; set; }
    public int ExcludedOptedOut { get; set; }
    public int Delivered { get; set; }
    public int Unreachable { get; set; }
    public AnnouncementStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
}

public enum HandoffStatus
{
    Open = 0,
    Answered = 1,
    /// <summary>Offered to the KPM, not yet passed on: nothing leaves without their consent.</summary>
    AwaitingConsent = 2,
}

/// <summary>A KPM question the knowledge base could not answer, passed to a person with consent.</summary>
public sealed class HandoffQuestion
{
    public int Id { get; set; }
    public long AskerUserId { get; set; }
    public long AskerChatId { get; set; }
    /// <summary>The question with NIK and phone numbers masked.</summary>
    public required string Question { get; set; }
    public int? DesaId { get; set; }
    public int? KecamatanId { get; set; }
    public int? AssignedPendampingId { get; set; }
    public int? AssignedCoordinatorId { get; set; }
    public string? Answer { get; set; }
    public int? AnsweredByIdentityId { get; set; }
    public HandoffStatus Status { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Audience).HasMaxLength(16);
        b.Property(x => x.KecamatanIds).HasMaxLength(400);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.Status, x.ScheduledFor });
        b.HasIndex(x => x.AuthorIdentityId);
    }
}

internal sealed class HandoffQuestionConfiguration : IEntityTypeConfiguration<HandoffQuestion>
{
    public void Configure(EntityTypeBuilder<HandoffQuestion> b)
    {
        b.Property(x => x.Question).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.AssignedPendampingId, x.Status });
        b.HasIndex(x => new { x.AssignedCoordinatorId, x.Status });
        // The daily cap per asker (Knowledge:HandoffsPerDay) counts their recent questions.
        b.HasIndex(x => new { x.AskerUserId, x.AskedAt });
    }
}
