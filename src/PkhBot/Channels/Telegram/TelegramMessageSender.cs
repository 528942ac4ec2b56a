using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using Microsoft.Extensions.Options;
using PkhBot.Channels.Outbox;
using PkhBot.Conversation;

namespace PkhBot.Channels.Telegram;

public enum SendStatus
{
    Sent,
    /// <summary>429: wait retry_after, then try again (does not count as an attempt).</summary>
    RateLimited,
    /// <summary>5xx, timeout, connection reset: retry with back-off.</summary>
    Transient,
    /// <summary>400 "can't parse entities": resend as plain text rather than lose it.</summary>
    BadEntities,
    /// <summary>Other 400s: Telegram will never accept it.</summary>
    Rejected,
    /// <summary>403: the user blocked the bot or the chat is gone.</summary>
    Forbidden,
}

public readonly record struct SendResult(SendStatus Status, int? MessageId = null, TimeSpan RetryAfter = default, string? Error = null);

/// <summary>One outbox row, one Bot API call; turns every answer and failure into a <see cref="SendResult"/>.</summary>
public sealed class TelegramMessageSender(ITelegramBotClient bot, IOptions<TelegramOptions> options)
{
    /// <param name="plainText">Send without parse mode, tags stripped (after Telegram refused the HTML).</param>
    /// <param name="asNewMessage">Send instead of editing (the message to edit is gone or too old).</param>
    /// <param name="withoutKeyboard">Send the text alone (after Telegram refused the buttons).</param>
    public async Task<SendResult> SendAsync(OutboxMessage m, bool plainText, bool asNewMessage, CancellationToken ct, bool withoutKeyboard = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds));
        try
        {
            var id = await CallAsync(m, plainText, asNewMessage, withoutKeyboard, timeout.Token);
            return new SendResult(SendStatus.Sent, id);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Transient, Error: "timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Classify(ex, isEdit: m.EditMessageId is not null && !asNewMessage);
        }
    }

    public static SendResult Classify(Exception ex, bool isEdit = false)
    {
        if (ex is not ApiRequestException api)
            return new SendResult(SendStatus.Transient, Error: ex is RequestException ? "network" : ex.GetType().Name);
        var description = api.Message.Length > 200 ? api.Message[..200] : api.Message;
        return api.ErrorCode switch
        {
            429 => new SendResult(SendStatus.RateLimited, RetryAfter: TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1)), Error: description),
            403 => new SendResult(SendStatus.Forbidden, Error: description),
            400 when description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase)
                => new SendResult(SendStatus.BadEntities, Error: description),
            // The user pressed the same button twice: the message already shows this text.
            400 when isEdit && description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
                => new SendResult(SendStatus.Sent, Error: description),
            // 401/404: a wrong token or server address, a setup problem; keep the message until it is fixed.
            >= 500 or 401 or 404 or 409 => new SendResult(SendStatus.Transient, Error: description),
            _ => new SendResult(SendStatus.Rejected, Error: description),
        };
    }

    private async Task<int?> CallAsync(OutboxMessage m, bool plainText, bool asNewMessage, bool withoutKeyboard, CancellationToken ct)
    {
        var parseMode = plainText ? ParseMode.None : ParseMode.Html;
        var text = plainText ? Html.ToPlain(m.Text) : m.Text;
        if (m.Kind == OutboxKind.CallbackAnswer)
        {
            var toast = string.IsNullOrWhiteSpace(m.Text) ? null : Html.ToPlain(m.Text);
            if (toast is { Length: > 200 }) toast = toast[..200];
            await bot.AnswerCallbackQuery(m.CallbackQueryId ?? "", toast, cancellationToken: ct);
            return null;
        }
        var keyboard = withoutKeyboard ? null : OutboxMessageFactory.ReadKeyboard(m);
        var markup = ToMarkup(keyboard);
        if (m.EditMessageId is int editId && !asNewMessage && markup is null or InlineKeyboardMarkup)
        {
            var edited = await bot.EditMessageText(m.ChatId, editId, text, parseMode, replyMarkup: markup as InlineKeyboardMarkup, cancellationToken: ct);
            return edited.Id;
        }
        Message sent;
        switch (m.AttachmentKind)
        {
            case AttachmentKind.Photo when m.Attachment is { } bytes:
                await using (var s = new MemoryStream(bytes, writable: false))
                    sent = await bot.SendPhoto(m.ChatId, InputFile.FromStream(s, m.AttachmentName ?? "gambar.png"), caption: NullIfEmpty(text), parseMode: parseMode, replyMarkup: markup, cancellationToken: ct);
                break;
            case AttachmentKind.Document when m.Attachment is { } bytes:
                await using (var s = new MemoryStream(bytes, writable: false))
                    sent = await bot.SendDocument(m.ChatId, InputFile.FromStream(s, m.AttachmentName ?? "berkas.bin"), caption: NullIfEmpty(text), parseMode: parseMode, replyMarkup: markup, cancellationToken: ct);
                break;
            default:
                sent = await bot.SendMessage(m.ChatId, text, parseMode, replyMarkup: markup,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
                break;
        }
        return sent.Id;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public static ReplyMarkup? ToMarkup(Keyboard? keyboard)
    {
        if (keyboard is null) return null;
        if (keyboard.RemoveReplyKeyboard) return new ReplyKeyboardRemove();
        if (keyboard.Rows.Count == 0) return null;
        if (keyboard.IsReplyKeyboard)
        {
            return new ReplyKeyboardMarkup(keyboard.Rows.Select(row => row.Select(b => b.Kind switch
            {
                ButtonKind.RequestContact => KeyboardButton.WithRequestContact(b.Text),
                ButtonKind.RequestLocation => KeyboardButton.WithRequestLocation(b.Text),
                _ => new KeyboardButton(b.Text),
            }).ToArray()).ToArray())
            { ResizeKeyboard = true, OneTimeKeyboard = true };
        }
        return new InlineKeyboardMarkup(keyboard.Rows.Select(row => row.Select(b => b.Kind switch
        {
            ButtonKind.Url => InlineKeyboardButton.WithUrl(b.Text, b.Data ?? ""),
            _ => InlineKeyboardButton.WithCallbackData(b.Text, b.Data ?? ""),
        }).ToArray()).ToArray());
    }
}
