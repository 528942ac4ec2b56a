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
/// <param name="Chats">Where it works: private chats only (the default: anything that reads or changes someone's data),
/// or groups too (programme questions, /bantuan). Elsewhere the router answers with the private-chat notice.</param>
public sealed record CommandSpec(string Name, string Description, IReadOnlyList<Role> Roles, IReadOnlyList<string>? Aliases = null, bool ShowInMenu = true,
    ChatKinds Chats = ChatKinds.Private)
{
    public static readonly IReadOnlyList<Role> Everyone = [Role.None, Role.Kpm, Role.Pendamping, Role.Koordinator, Role.Admin, Role.Mitra, Role.Pemantau];
    public static readonly IReadOnlyList<Role> Staff = [Role.Pendamping, Role.Koordinator, Role.Admin];
    public static readonly IReadOnlyList<Role> PendampingOnly = [Role.Pendamping];
    public static readonly IReadOnlyList<Role> Coordinators = [Role.Koordinator, Role.Admin];
    /// <summary>Figures of an area (/rekap, /ppse): coordinators, admin, and the camat or kepala desa of that area.</summary>
    public static readonly IReadOnlyList<Role> AreaFigures = [Role.Koordinator, Role.Admin, Role.Pemantau];
}

/// <summary>The kinds of chat a command, button or free-text handler works in.</summary>
[Flags]
public enum ChatKinds
{
    Private = 1,
    /// <summary>Groups and supergroups: every member reads the answer.</summary>
    Group = 2,
    Any = Private | Group,
}

/// <summary>Handles inline-button presses whose data starts with "<see cref="Prefix"/>:".</summary>
public interface ICallbackHandler
{
    string Prefix { get; }
    /// <summary>Private chats only unless a handler says otherwise (see <see cref="CommandSpec.Chats"/>).</summary>
    ChatKinds Chats => ChatKinds.Private;
    /// <param name="payload">The data after "prefix:". Untrusted: check the caller's scope again.</param>
    Task HandleAsync(ConversationContext ctx, string payload, CancellationToken ct);
}

/// <summary>
/// A guided flow: receives every non-command message (text, photo, location, contact) while its state is active.
/// Flows live in the private chat: a message in a group never reaches one.
/// </summary>
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
    /// <summary>Private chats only unless a handler says otherwise (the knowledge base answers in groups too).</summary>
    ChatKinds Chats => ChatKinds.Private;
    Task<bool> TryHandleAsync(ConversationContext ctx, CancellationToken ct);
}

/// <summary>
/// Work a message needs from the network (an LLM), done BEFORE the update's database transaction, with a read-only
/// look at the caller and their flow; the result goes on <see cref="PreparationContext.Results"/> and the handlers read it
/// from <see cref="ConversationContext.Prepared"/> inside the transaction. Handlers never call the network themselves:
/// with nothing prepared they take their offline path. A preparer must not write to the database.
/// </summary>
public interface IPreparer
{
    /// <summary>From the message alone (no I/O): could it need this preparer? False skips the read-only look entirely.</summary>
    bool AppliesTo(Incoming message);

    Task PrepareAsync(PreparationContext ctx, CancellationToken ct);
}
