using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PkhBot.Conversation;

internal sealed class InboxUpdateConfiguration : IEntityTypeConfiguration<InboxUpdate>
{
    public void Configure(EntityTypeBuilder<InboxUpdate> b)
    {
        b.HasKey(x => x.UpdateId);
        b.Property(x => x.UpdateId).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.Status, x.ReceivedAt });
    }
}

internal sealed class FlowStateConfiguration : IEntityTypeConfiguration<FlowState>
{
    public void Configure(EntityTypeBuilder<FlowState> b)
    {
        b.Property(x => x.Flow).HasMaxLength(32);
        b.Property(x => x.Step).HasMaxLength(32);
        b.Property(x => x.DataJson).HasMaxLength(8000);
        b.HasIndex(x => x.UserId).IsUnique();
    }
}
