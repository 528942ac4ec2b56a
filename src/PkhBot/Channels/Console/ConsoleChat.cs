using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;
using PkhBot.Data;

namespace PkhBot.Channels.Console;

/// <summary>
/// The conversation pipeline on stdin/stdout: one message a line, replies printed as plain text.
/// Buttons are pressed by typing their number ("#1"); "!lokasi -7.15,111.88" shares a location and
/// "!foto keterangan" sends a photo with a caption.
/// </summary>
public sealed class ConsoleChat(ConversationPipeline pipeline, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task RunAsync(long userId, string whoAmI, TextReader input, TextWriter output, bool interactive, CancellationToken ct)
    {
        output.WriteLine($"PkhBot (konsol) - Anda masuk sebagai {whoAmI}. Ketik /bantuan. Tekan tombol dengan #1, #2, ... Keluar: Ctrl+D.");
        List<Button> buttons = [];
        int? lastMessageId = null;
        while (!ct.IsCancellationRequested)
        {
            if (interactive) output.Write("> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null) break;
            if (line.Trim().Length == 0) continue;

            // The channel's edge: a NIK typed here is masked before anything stores, logs or sends it.
            var msg = ToIncoming(Privacy.Mask.Niks(line.Trim()), userId, buttons, lastMessageId);
            if (msg is null)
            {
                output.WriteLine("(tidak ada tombol dengan nomor itu)");
                continue;
            }
            await pipeline.ProcessAsync(msg, ct);
            (buttons, lastMessageId) = await PrintPendingAsync(userId, output, buttons, ct);
        }
    }

    private Incoming? ToIncoming(string line, long userId, List<Button> buttons, int? lastMessageId)
    {
        var now = clock.GetUtcNow();
        var baseMsg = new Incoming { Channel = "console", UserId = userId, ChatId = userId, SentAt = now, DisplayName = "konsol" };
        if (line.StartsWith('#') && int.TryParse(line[1..], out var n))
        {
            if (n < 1 || n > buttons.Count) return null;
            var b = buttons[n - 1];
            return b.Kind switch
            {
                ButtonKind.Callback => baseMsg with { CallbackData = b.Data, CallbackQueryId = $"console-{now.Ticks}", CallbackMessageId = lastMessageId },
                ButtonKind.RequestContact => baseMsg with { Contact = new SharedContact("0000000000", userId) },
                ButtonKind.RequestLocation => baseMsg with { Location = new GeoPoint(-7.15, 111.88) },
                _ => baseMsg with { Text = b.Text },
            };
        }
        if (line.StartsWith("!lokasi", StringComparison.OrdinalIgnoreCase))
        {
            var parts = line[7..].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var lat) && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var lon))
                return baseMsg with { Location = new GeoPoint(lat, lon) };
        }
        if (line.StartsWith("!foto", StringComparison.OrdinalIgnoreCase))
            return baseMsg with { PhotoFileId = $"console-photo-{now.Ticks}", Text = line[5..].Trim() is { Length: > 0 } c ? c : null };
        return baseMsg with { Text = line };
    }

    private async Task<(List<Button>, int?)> PrintPendingAsync(long userId, TextWriter output, List<Button> previous, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PkhDbContext>();
        var pending = await db.Outbox
            .Where(m => m.Channel == "console" && m.ChatId == userId && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var buttons = previous;
        int? lastId = null;
        foreach (var m in pending)
        {
            m.Status = OutboxStatus.Sent;
            m.SentAt = clock.GetUtcNow();
            m.TelegramMessageId = (int)(m.Id % int.MaxValue);
            if (m.Kind == OutboxKind.CallbackAnswer)
            {
                if (m.Text.Length > 0) output.WriteLine($"({m.Text})");
                continue;
            }
            if (m.AttachmentKind != AttachmentKind.None)
                output.WriteLine($"[lampiran: {m.AttachmentName}, {m.Attachment?.Length ?? 0} byte]");
            output.WriteLine(Html.ToPlain(m.Text));
            var kb = OutboxMessageFactory.ReadKeyboard(m);
            if (kb is { Rows.Count: > 0 })
            {
                buttons = kb.Rows.SelectMany(r => r).ToList();
                output.WriteLine(string.Join("  ", buttons.Select((b, i) => $"[#{i + 1} {b.Text}]")));
                lastId = m.TelegramMessageId;
            }
            output.WriteLine();
        }
        await db.SaveChangesAsync(ct);
        return (buttons, lastId);
    }
}
