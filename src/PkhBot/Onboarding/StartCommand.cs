using Microsoft.EntityFrameworkCore;
using PkhBot.Conversation;

namespace PkhBot.Onboarding;

/// <summary>
/// /start CODE binds the Telegram user to the pendamping, koordinator or admin the invite names; /start alone makes
/// a public (KPM) user who can only ask questions. Staff who are already bound keep their role.
/// </summary>
public sealed class StartCommand(InviteService invites, IServiceProvider services) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("start", "Mulai, atau daftar dengan kode undangan", CommandSpec.Everyone, ShowInMenu: false);

    public async Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var code = ctx.Message.Args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (code == IPrivateChatLink.StartParameter) code = "";   // the link from a group's private-chat notice
        var identity = await ctx.Db.Identities
            .Include(i => i.Pendamping)
            .Include(i => i.Coordinator!).ThenInclude(c => c.Kecamatan).ThenInclude(k => k.KecamatanRef)
            .FirstOrDefaultAsync(i => i.UserId == ctx.Caller.UserId, ct);

        if (identity is { Role: Role.Pendamping or Role.Koordinator or Role.Admin or Role.Mitra or Role.Pemantau })
        {
            ctx.Reply(OnboardingTexts.AlreadyBound(Describe(identity), code.Length > 0));
            return;
        }
        if (code.Length == 0)
        {
            BecomePublic(ctx, identity);
            return;
        }
        if (ctx.Message.ChatType != "private")
        {
            // A code typed in a group is seen by everyone there: do not consume it, ask for a private chat.
            ctx.Reply(OnboardingTexts.PrivateChatOnly);
            return;
        }

        var check = await invites.CheckAsync(ctx.Caller.UserId, code, ctx.Now, ct);
        switch (check.Status)
        {
            case RedeemStatus.Blocked:
                ctx.Reply(OnboardingTexts.Blocked(check.BlockedUntil!.Value));
                return;
            case RedeemStatus.Wrong:
                ctx.Reply(OnboardingTexts.WrongCode(check.TriesLeft));
                return;
            case RedeemStatus.Used:
                ctx.Reply(OnboardingTexts.UsedCode);
                return;
            case RedeemStatus.Expired:
                ctx.Reply(OnboardingTexts.ExpiredCode);
                return;
            case RedeemStatus.Revoked:
                ctx.Reply(OnboardingTexts.RevokedCode);
                return;
        }
        await BindAsync(ctx, identity, check.Invite!, ct);
    }

    private async Task BindAsync(ConversationContext ctx, ChatIdentity? identity, Invite invite, CancellationToken ct)
    {
        var pendamping = invite.PendampingId is { } pid ? await ctx.Db.Pendamping.FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        var coordinator = invite.CoordinatorId is { } cid
            ? await ctx.Db.Coordinators.Include(c => c.Kecamatan).ThenInclude(k => k.KecamatanRef).FirstOrDefaultAsync(c => c.Id == cid, ct)
            : null;
        if ((invite.Role == Role.Pendamping && pendamping is null) || (invite.Role == Role.Koordinator && coordinator is null))
        {
            ctx.Reply(OnboardingTexts.InviteNoLongerValid);
            return;
        }
        if (!await invites.TryMarkUsedAsync(invite, ctx.Caller.UserId, ctx.Now, ct))
        {
            ctx.Reply(OnboardingTexts.UsedCode);
            return;
        }

        if (identity is null)
        {
            identity = new ChatIdentity { UserId = ctx.Caller.UserId, CreatedAt = ctx.Now };
            ctx.Db.Identities.Add(identity);
        }
        identity.ChatId = ctx.Message.ChatId;
        identity.Channel = ctx.Message.Channel;
        identity.Role = invite.Role;
        identity.PendampingId = pendamping?.Id;
        identity.Pendamping = pendamping;
        identity.CoordinatorId = coordinator?.Id;
        identity.Coordinator = coordinator;
        identity.MitraCode = invite.Role == Role.Mitra ? invite.MitraCode : null;
        identity.PemantauKecamatanId = invite.Role == Role.Pemantau ? invite.KecamatanId : null;
        if (invite.Role == Role.Pemantau) identity.DesaId = invite.DesaId;
        identity.PhoneVerified = false;
        identity.DisplayName = pendamping?.Nama ?? coordinator?.Nama ?? ctx.Message.DisplayName ?? identity.MitraCode ?? "Admin";
        identity.LastSeenAt = ctx.Now;
        // The identity id is the audit actor of an admin: save now (still inside the pipeline's transaction).
        await ctx.Db.SaveChangesAsync(ct);
        var requirePhone = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OnboardingOptions>>().Value.RequirePhoneMatch;
        ctx.Caller = CallerResolver.FromIdentity(identity, requirePhone);
        ctx.Audit("invite.redeem", "invite", invite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"role={invite.Role}");

        var commands = HelpCommand.ForRole(services.GetServices<ICommandHandler>(), invite.Role).Where(c => c.Name != "start");
        var welcome = OnboardingTexts.Welcome(Describe(identity), commands, invite.Role == Role.Pendamping, requirePhone);
        ctx.Reply(welcome, invite.Role == Role.Pendamping ? Keyboard.Of([Button.ShareContact(OnboardingTexts.ShareContactButton)]) : null);
    }

    private static void BecomePublic(ConversationContext ctx, ChatIdentity? identity)
    {
        if (identity is null)
        {
            ctx.Db.Identities.Add(new ChatIdentity
            {
                UserId = ctx.Caller.UserId, ChatId = ctx.Message.ChatId, Channel = ctx.Message.Channel, Role = Role.Kpm,
                DisplayName = ctx.Message.DisplayName, CreatedAt = ctx.Now, LastSeenAt = ctx.Now,
            });
        }
        else identity.Role = Role.Kpm;
        ctx.Reply(OnboardingTexts.PublicWelcome(ctx.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions>>().Value.Days));
    }

    public static string Describe(ChatIdentity identity) => identity.Role switch
    {
        Role.Pendamping when identity.Pendamping is { } p => OnboardingTexts.Pendamping(p.Nama, p.Kode),
        Role.Koordinator when identity.Coordinator is { } c => OnboardingTexts.Koordinator(c.Nama,
            c.WholeKabupaten ? OnboardingTexts.WholeKabupaten : "Kec. " + string.Join(", ", c.Kecamatan.Select(k => k.KecamatanRef?.Nama).Where(n => n is not null).Order())),
        Role.Admin => OnboardingTexts.Admin,
        Role.Mitra => OnboardingTexts.Mitra(identity.MitraCode ?? "?"),
        Role.Pemantau => OnboardingTexts.Pemantau,
        _ => Texts.RoleName(identity.Role),
    };
}
