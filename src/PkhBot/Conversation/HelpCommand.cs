using System.Text;

namespace PkhBot.Conversation;

/// <summary>/bantuan: the commands of the caller's own role, nothing more.</summary>
public sealed class HelpCommand(IServiceProvider services) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("bantuan", "Daftar perintah", CommandSpec.Everyone, ["help"], Chats: ChatKinds.Any);

    public Task HandleAsync(ConversationContext ctx, CancellationToken ct)
    {
        var role = ctx.Caller.Role;
        var sb = new StringBuilder();
        sb.Append("<b>Perintah untuk ").Append(Texts.RoleName(role)).Append(":</b>\n");
        foreach (var spec in ForRole(services.GetServices<ICommandHandler>(), role))
            sb.Append('/').Append(spec.Name).Append(" - ").Append(Html.Escape(spec.Description)).Append('\n');
        if (ctx.Caller.IsPublic)
            sb.Append("\nAnda juga bisa langsung mengetik pertanyaan tentang PKH, mis. <i>anak SD dapat berapa?</i>");
        ctx.Reply(sb.ToString().TrimEnd());
        return Task.CompletedTask;
    }

    public static IEnumerable<CommandSpec> ForRole(IEnumerable<ICommandHandler> handlers, Onboarding.Role role)
        => handlers.Select(h => h.Spec).Where(s => s.ShowInMenu && s.Roles.Contains(role)).OrderBy(s => s.Name == "bantuan" ? 1 : 0).ThenBy(s => s.Name);
}
