using Microsoft.EntityFrameworkCore;
using PkhBot.Announcements;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Households;
using PkhBot.Onboarding;
using PkhBot.Reminders;
using PkhBot.Reporting;

namespace PkhBot.Data;

/// <summary>
/// The one model. <see cref="SqliteDbContext"/> and <see cref="SqlServerDbContext"/> only exist so each
/// provider keeps its own migration set and snapshot.
/// </summary>
public abstract class PkhDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Kecamatan> Kecamatan => Set<Kecamatan>();
    public DbSet<Desa> Desa => Set<Desa>();
    public DbSet<Pendamping> Pendamping => Set<Pendamping>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Coordinator> Coordinators => Set<Coordinator>();
    public DbSet<CoordinatorKecamatan> CoordinatorKecamatan => Set<CoordinatorKecamatan>();
    public DbSet<ChatIdentity> Identities => Set<ChatIdentity>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<InviteAttempt> InviteAttempts => Set<InviteAttempt>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<P2K2Session> P2K2Sessions => Set<P2K2Session>();
    public DbSet<P2K2Attendance> P2K2Attendance => Set<P2K2Attendance>();
    public DbSet<Graduation> Graduations => Set<Graduation>();
    public DbSet<InboxUpdate> Inbox => Set<InboxUpdate>();
    public DbSet<FlowState> Flows => Set<FlowState>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<NudgeLog> NudgeLog => Set<NudgeLog>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<HandoffQuestion> Handoffs => Set<HandoffQuestion>();
    public DbSet<Reconciliation.ReconciliationRun> ReconciliationRuns => Set<Reconciliation.ReconciliationRun>();
    public DbSet<Referrals.Referral> Referrals => Set<Referrals.Referral>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(PkhDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite can only compare DateTimeOffset for equality; UTC ticks sort by instant.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectChangesOnce();
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        StampVersions();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Scans the tracked entities for changes once for the whole save: listing the entries and saving would each scan
    /// them again (a tenth of the CPU of a report). Automatic detection is back on when disposed.
    /// </summary>
    private AutoDetectRestorer DetectChangesOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new AutoDetectRestorer(ChangeTracker, auto);
    }

    private readonly struct AutoDetectRestorer(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool auto) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = auto;
    }

    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            // Through the entry, not the entity: marked modified at once, without another scan for changes.
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Property(e => e.Version).CurrentValue = Guid.NewGuid();
        }
    }
}

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PkhDbContext(options);

public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : PkhDbContext(options);
