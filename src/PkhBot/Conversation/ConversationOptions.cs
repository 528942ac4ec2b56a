using System.ComponentModel.DataAnnotations;

namespace PkhBot.Conversation;

/// <summary>Limits of the conversation core ("Conversation" in appsettings).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>Messages a minute from one unknown user or KPM before the rest of that minute is dropped.</summary>
    [Range(1, 10_000, ErrorMessage = "Conversation:MaxMessagesPerMinute harus 1-10000: pesan per menit dari satu pengguna umum/KPM (mis. 20).")]
    public int MaxMessagesPerMinute { get; set; } = 20;

    /// <summary>The same for pendamping, koordinator and admin.</summary>
    [Range(1, 10_000, ErrorMessage = "Conversation:MaxMessagesPerMinuteStaff harus 1-10000: pesan per menit dari satu petugas (mis. 60).")]
    public int MaxMessagesPerMinuteStaff { get; set; } = 60;
}
