using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Channels.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AttachmentKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.CallbackQueryId).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Status, x.Channel, x.NotBefore });
        // A chat's lease (ClaimAsync): whether anyone holds one of its rows now, without reading its sent history.
        b.HasIndex(x => new { x.ChatId, x.LockedUntil });
        b.HasIndex(x => x.AnnouncementId);
    }
}
