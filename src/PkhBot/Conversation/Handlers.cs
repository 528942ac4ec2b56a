using PkhBot.Onboarding;

namespace PkhBot.Conversation;

/// <summary>A slash command. <see cref="Spec"/> drives routing, the role check, /bantuan and the Telegram menus.</summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }
    Task HandleAsync(ConversationContext ctx, CancellationToken ct);
}

/// <param name="Name">Without the slash, lower case: "lapor".</param>
/// <param name="Description">Indonesian, short: shown in /bantuan and the Telegram menu.</param>
/// <param name="Roles">Who may use it; anyone else gets a hint instead of silence.</param>
/// <param name="Aliases">Other names that route here ("help" for "bantuan").</param>
/// <param name="ShowInMenu">False for commands reached only through links or buttons.</param>
public sealed record CommandSpec(string Name, string Description, IReadOnlyList<Role> Roles, IReadOnlyList<string>? Aliases = null, bool ShowInMenu = true)
{
    public static readonly IReadOnlyList<Role> Everyone = [Role.None, Role.Kpm, Role.Pendamping, Role.Koordinator, Role.Admin, Role.Mitra, Role.Pemantau];
    public static readonly IReadOnlyList<Role> Staff = [Role.Pendamping, Role.Koordinator, Role.Admin];
    public static readonly IReadOnlyList<Role> PendampingOnly = [Role.Pendamping];
    public static readonly IReadOnlyList<Role> Coordinators = [Role.Koordinator, Role.Admin];
    /// <summary>Figures of an area (/rekap, /ppse): coordinators, admin, and the camat or kepala desa of that area.</summary>
    public static readonly IReadOnlyList<Role> AreaFigures = [Role.Koordinator, Role.Admin, Role.Pemantau];
}

/// <summary>Handles inline-button presses whose data starts with "<see cref="Prefix"/>:".</summary>
public interface ICallbackHandler
{
    string Prefix { get; }
    /// <param name="payload">The data after "prefix:". Untrusted: check the caller's scope again.</param>
    Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct);
}

/// <summary>A guided flow: receives every non-command message (text, photo, location, contact) while its state is active.</summary>
public interface IFlowHandler
{
    string Flow { get; }
    Task HandleAsync(ConversationContext ctx, FlowState state, CancellationToken ct);
}

/// <summary>
/// Non-command messages with no active flow, tried in <see cref="Order"/> until one returns true
/// (reporting for a pendamping's free text first, the knowledge base as the fallback).
/// </summary>
public interface IFreeTextHandler
{
    int Order { get; }
    Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct);
}
