using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PkhBot.Bench;

/// <summary>A message (or call) the fake accepted, as a Telegram client would show it.</summary>
public sealed record SentMessage(
    string Method,
    long ChatId,
    string? Text,
    string? ParseMode,
    JsonNode? ReplyMarkup,
    int MessageId,
    string? CallbackQueryId,
    string? FileName,
    DateTimeOffset At)
{
    /// <summary>Callback data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData => ReplyMarkup?["inline_keyboard"]?.AsArray()
        .SelectMany(r => r!.AsArray()).Select(b => (string?)b!["callback_data"]).OfType<string>().ToList() ?? [];
}

/// <summary>Every request the fake received, accepted or not.</summary>
public sealed record ApiCall(string Method, int Status, long? ChatId, string? Text, DateTimeOffset At);

/// <summary>
/// An in-process Bot API server (Kestrel on 127.0.0.1, random port) that the real TelegramBotClient talks to.
/// It queues updates for getUpdates, records every send, injects faults (429, 5xx, slow answers, dropped
/// connections, duplicate updates), and enforces what the real one does: HTML that Telegram can parse, 4096
/// characters, and the rate limits (at most 30 in any second, 1/s per chat, 20 in any minute per group) with 429.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST";
    public const string BotUsername = "pkh_test_bot";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<QueuedUpdate> _updates = [];
    private readonly Dictionary<long, JsonObject> _allUpdates = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<string, int> _sentCounts = [];
    private readonly List<ApiCall> _calls = [];
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly Stopwatch _time = Stopwatch.StartNew();
    private readonly Window _global = new(30, 1);
    private readonly Dictionary<long, Bucket> _perChat = [];
    private readonly Dictionary<long, Window> _perGroup = [];
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 5000;
    private long _getUpdatesOffset;
    /// <summary>Completed (and replaced) whenever an update is queued: wakes a waiting long poll at once.</summary>
    private TaskCompletionSource _queued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeBotApi(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Answer 429 when the rate limits are exceeded (on by default, like Telegram).</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>
    /// How long an empty long poll is held. Tests want it short (150 ms) so they finish quickly; null holds it for the
    /// whole `timeout` the bot asked for, as Telegram does: an idle bot then polls once per timeout, not 7 times a second.
    /// </summary>
    public TimeSpan? EmptyLongPollHold { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Which limit the last 429 for exceeding a rate was about ("global", "chat 42", "group -100"): for test messages.</summary>
    public string? LastRateLimit { get; private set; }

    /// <summary>Per-chat burst the fake tolerates before 429: 1, Telegram's documented "one message per second in a chat" (the real one tolerates short bursts).</summary>
    public int PerChatBurst { get; set; } = 1;

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", (HttpContext http, string token, string method) => fake.HandleAsync(http, token, method));
        await app.StartAsync();
        fake.Url = app.Urls.First();
        return fake;
    }

    // ---------------------------------------------------------------- updates

    /// <summary>Queues a text message from a private chat; returns its update id.</summary>
    public long EnqueueMessage(long userId, string text, long? chatId = null, string chatType = "private", string firstName = "Ani")
        => Enqueue(id => new JsonObject { ["update_id"] = id, ["message"] = MessageJson(userId, chatId ?? userId, chatType, firstName, text) });

    /// <summary>Queues a button press on bot message <paramref name="messageId"/>; returns its update id.</summary>
    public long EnqueueCallback(long userId, string data, int messageId = 1, string? callbackId = null)
        => Enqueue(id => new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = callbackId ?? $"cbq{id}", ["from"] = UserJson(userId, "Ani"), ["chat_instance"] = "ci", ["data"] = data,
                ["message"] = MessageJson(0, userId, "private", "Bot", "…", messageId),
            },
        });

    /// <summary>Queues any update; <paramref name="build"/> gets the update id to put in "update_id".</summary>
    public long Enqueue(Func<long, JsonObject> build)
    {
        lock (_lock)
        {
            var id = ++_nextUpdateId;
            var json = build(id);
            _updates.Add(new QueuedUpdate(id, json.ToJsonString(), Forced: false));
            _allUpdates[id] = json;
            WakePollers();
            return id;
        }
    }

    private void WakePollers()
    {
        var queued = _queued;
        _queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queued.TrySetResult();
    }

    /// <summary>Delivers an update again, even if the bot already confirmed it (Telegram does this after timeouts).</summary>
    public void EnqueueDuplicate(long updateId)
    {
        lock (_lock)
        {
            _updates.Add(new QueuedUpdate(updateId, _allUpdates[updateId].ToJsonString(), Forced: true));
            WakePollers();
        }
    }

    /// <summary>The JSON of an update queued before, for posting it to a webhook.</summary>
    public string UpdateJson(long updateId) { lock (_lock) return _allUpdates[updateId].ToJsonString(); }

    /// <summary>The JSON of a new text message update that is NOT queued for getUpdates (webhook tests).</summary>
    public string NewMessageUpdateJson(long userId, string text)
    {
        lock (_lock)
        {
            var id = ++_nextUpdateId;
            var json = new JsonObject { ["update_id"] = id, ["message"] = MessageJson(userId, userId, "private", "Ani", text) };
            _allUpdates[id] = json;
            return json.ToJsonString();
        }
    }

    /// <summary>Updates not yet confirmed by an offset (what Telegram still holds).</summary>
    public int PendingUpdates { get { lock (_lock) return _updates.Count(u => !u.Forced && u.Id >= _getUpdatesOffset); } }

    // ---------------------------------------------------------------- faults

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> ("*" = any) answer with this error.</summary>
    public void FailNext(string method, int status, int? retryAfter = null, int count = 1, string? description = null)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(method, FaultKind.Status, status, retryAfter, description, TimeSpan.Zero));
    }

    /// <summary>The next calls of <paramref name="method"/> wait <paramref name="delay"/> before being handled (a client that gives up first sent nothing).</summary>
    public void DelayNext(string method, TimeSpan delay, int count = 1)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(method, FaultKind.Delay, 0, null, null, delay));
    }

    /// <summary>The next calls of <paramref name="method"/> lose their connection without an answer (nothing is sent).</summary>
    public void DropNext(string method, int count = 1)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(method, FaultKind.Drop, 0, null, null, TimeSpan.Zero));
    }

    /// <summary>
    /// From now on every call (any method) fails: 502 Bad Gateway, a connection closed without an answer (what a
    /// refused or reset connection looks like to the client), or 401 (a token being rotated). Ends after
    /// <paramref name="duration"/> on <paramref name="clock"/> (the test's fake clock, say), or at <see cref="EndOutage"/>.
    /// </summary>
    public void StartOutage(OutageKind kind, TimeSpan? duration = null, TimeProvider? clock = null)
    {
        var c = clock ?? TimeProvider.System;
        lock (_lock) _outage = new Outage(kind, c, duration is { } d ? c.GetUtcNow() + d : DateTimeOffset.MaxValue);
    }

    public void EndOutage() { lock (_lock) _outage = null; }

    /// <summary>True while an outage started by <see cref="StartOutage"/> lasts.</summary>
    public bool InOutage => CurrentOutage() is not null;

    /// <summary>Calls refused by an outage so far.</summary>
    public int OutageRefusals => Volatile.Read(ref _outageRefusals);

    private Outage? _outage;
    private int _outageRefusals;

    private Outage? CurrentOutage()
    {
        lock (_lock)
        {
            if (_outage is { } o && o.Clock.GetUtcNow() >= o.Until) _outage = null;
            return _outage;
        }
    }

    private sealed record Outage(OutageKind Kind, TimeProvider Clock, DateTimeOffset Until);

    // ---------------------------------------------------------------- what was sent

    /// <summary>Accepted sends (sendMessage, editMessageText, sendPhoto, sendDocument, answerCallbackQuery), in order.</summary>
    public IReadOnlyList<SentMessage> Sent { get { lock (_lock) return _sent.ToList(); } }

    /// <summary>
    /// How many accepted sends of <paramref name="method"/> so far, without copying <see cref="Sent"/>: a probe that
    /// polls a copy of 20,000 sends every 20 ms allocates on the large-object heap and holds the fake's lock, and both
    /// cost the bot being measured (full GCs pause its writer).
    /// </summary>
    public int SentCount(string method) { lock (_lock) return _sentCounts.GetValueOrDefault(method.ToLowerInvariant()); }

    /// <summary>Every request, with the status the fake answered.</summary>
    public IReadOnlyList<ApiCall> Calls { get { lock (_lock) return _calls.ToList(); } }

    /// <summary>getUpdates calls received so far, counted on arrival (<see cref="Calls"/> records a held long poll only when it is answered).</summary>
    public int PollsReceived => Volatile.Read(ref _pollsReceived);
    private int _pollsReceived;

    /// <summary>Messages (not button answers) sent to one chat.</summary>
    public IReadOnlyList<SentMessage> SentTo(long chatId) => Sent.Where(s => s.ChatId == chatId && s.Method != "answerCallbackQuery").ToList();

    public int CountCalls(string method, int status) => Calls.Count(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && c.Status == status);

    public async Task<SentMessage> WaitForSentAsync(Func<SentMessage, bool> predicate, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => Sent.Any(predicate), timeout, "a matching message");
        return Sent.First(predicate);
    }

    public Task WaitForSentCountAsync(Func<SentMessage, bool> predicate, int count, TimeSpan? timeout = null)
        => WaitUntilAsync(() => Sent.Count(predicate) >= count, timeout, $"{count} matching messages");

    /// <summary>Waits for a condition on the fake's state; fails with what was sent so far.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string what = "the condition")
    {
        var deadline = _time.Elapsed + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (_time.Elapsed > deadline)
                throw new TimeoutException($"Timed out waiting for {what}. Sent so far ({Sent.Count}):\n"
                    + string.Join("\n", Sent.TakeLast(20).Select(s => $"{s.Method} {s.ChatId}: {s.Text}")));
            await Task.Delay(20);
        }
    }

    // ---------------------------------------------------------------- the server

    private async Task HandleAsync(HttpContext http, string token, string method)
    {
        JsonObject body;
        try { body = await ReadBodyAsync(http.Request); }
        catch (Exception) { await WriteAsync(http, 400, Error(400, "Bad Request: invalid request body")); return; }
        var chatId = ReadLong(body["chat_id"]) ?? ReadLong(ScopeOf(body)?["chat_id"]);
        var text = (string?)body["text"] ?? (string?)body["caption"]
            ?? (body["commands"] is JsonArray commands ? string.Join(" ", commands.Select(c => "/" + (string?)c!["command"])) : null);

        if (CurrentOutage() is { } outage)
        {
            Interlocked.Increment(ref _outageRefusals);
            switch (outage.Kind)
            {
                case OutageKind.Refused:
                    Record(method, 0, chatId, text);
                    http.Abort();
                    return;
                case OutageKind.Unauthorized:
                    await Answer(http, method, 401, chatId, text, Error(401, "Unauthorized"));
                    return;
                default:
                    await Answer(http, method, 502, chatId, text, Error(502, "Bad Gateway"));
                    return;
            }
        }

        if (token != Token) { await Answer(http, method, 401, chatId, text, Error(401, "Unauthorized")); return; }

        if (TakeFault(method) is { } fault)
        {
            switch (fault.Kind)
            {
                case FaultKind.Drop:
                    Record(method, 0, chatId, text);
                    http.Abort();
                    return;
                case FaultKind.Delay:
                    try { await Task.Delay(fault.Delay, http.RequestAborted); }
                    catch (OperationCanceledException) { Record(method, 0, chatId, text); return; }   // the client gave up: nothing was sent
                    break;
                default:
                    var err = Error(fault.Status, fault.Description ?? DefaultDescription(fault.Status, fault.RetryAfter), fault.RetryAfter);
                    await Answer(http, method, fault.Status, chatId, text, err);
                    return;
            }
        }

        switch (method.ToLowerInvariant())
        {
            case "getme":
                await Answer(http, method, 200, null, null, Ok(new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "PKH Bot", ["username"] = BotUsername }));
                return;
            case "getupdates":
                await Answer(http, method, 200, null, null, Ok(await GetUpdatesAsync(body, http.RequestAborted)));
                return;
            case "deletewebhook" or "setwebhook" or "setmycommands" or "deletemycommands":
                await Answer(http, method, 200, chatId, (string?)body["url"] ?? text, Ok(true));
                return;
            case "answercallbackquery":
                lock (_lock) Record(new SentMessage(method, 0, text, null, null, 0, (string?)body["callback_query_id"], null, DateTimeOffset.UtcNow));
                await Answer(http, method, 200, null, text, Ok(true));
                return;
            case "sendmessage" or "editmessagetext" or "sendphoto" or "senddocument":
                await SendAsync(http, method, body, chatId, text);
                return;
            default:
                await Answer(http, method, 404, chatId, text, Error(404, "Not Found: method not found"));
                return;
        }
    }

    /// <summary>Under <see cref="_lock"/>.</summary>
    private void Record(SentMessage sent)
    {
        _sent.Add(sent);
        var key = sent.Method.ToLowerInvariant();
        _sentCounts[key] = _sentCounts.GetValueOrDefault(key) + 1;
    }

    private async Task SendAsync(HttpContext http, string method, JsonObject body, long? chatId, string? text)
    {
        var isMedia = method.Equals("sendPhoto", StringComparison.OrdinalIgnoreCase) || method.Equals("sendDocument", StringComparison.OrdinalIgnoreCase);
        if (chatId is null) { await Answer(http, method, 400, null, text, Error(400, "Bad Request: chat_id is empty")); return; }
        if (!isMedia && string.IsNullOrEmpty(text)) { await Answer(http, method, 400, chatId, text, Error(400, "Bad Request: message text is empty")); return; }
        var parseMode = (string?)body["parse_mode"];
        var visible = text ?? "";
        if (string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase) && text is not null)
        {
            if (TelegramHtml.Check(text) is { } problem)
            {
                await Answer(http, method, 400, chatId, text, Error(400, "Bad Request: can't parse entities: " + problem));
                return;
            }
            visible = TelegramHtml.VisibleText(text);
        }
        var max = isMedia ? 1024 : 4096;
        if (visible.Length > max)
        {
            await Answer(http, method, 400, chatId, text, Error(400, isMedia ? "Bad Request: message caption is too long" : "Bad Request: message is too long"));
            return;
        }
        if (EnforceRateLimits && RateLimit(chatId.Value) is int retryAfter)
        {
            await Answer(http, method, 429, chatId, text, Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter));
            return;
        }
        var markup = body["reply_markup"] is JsonValue v && v.TryGetValue<string>(out var markupText) ? JsonNode.Parse(markupText) : body["reply_markup"]?.DeepClone();
        int messageId;
        lock (_lock)
        {
            messageId = method.Equals("editMessageText", StringComparison.OrdinalIgnoreCase) ? (int)(ReadLong(body["message_id"]) ?? 0) : ++_nextMessageId;
            Record(new SentMessage(method, chatId.Value, text, parseMode, markup, messageId, null, (string?)body["__file_name"], DateTimeOffset.UtcNow));
        }
        var msg = MessageJson(0, chatId.Value, chatId < 0 ? "group" : "private", "PKH Bot", text ?? "", messageId);
        await Answer(http, method, 200, chatId, text, Ok(msg));
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        Interlocked.Increment(ref _pollsReceived);
        var offset = ReadLong(body["offset"]) ?? 0;
        var limit = (int)(ReadLong(body["limit"]) ?? 100);
        var timeout = ReadLong(body["timeout"]) ?? 0;
        var deadline = _time.Elapsed + (timeout <= 0 ? TimeSpan.Zero : EmptyLongPollHold ?? TimeSpan.FromSeconds(timeout));
        while (true)
        {
            Task queued;
            lock (_lock)
            {
                queued = _queued.Task;
                if (offset > 0)
                {
                    _getUpdatesOffset = Math.Max(_getUpdatesOffset, offset);
                    _updates.RemoveAll(u => !u.Forced && u.Id < offset);
                }
                else if (offset < 0 && _updates.Count > 0)
                {
                    var keep = _updates.TakeLast((int)-offset).ToList();
                    _updates.Clear();
                    _updates.AddRange(keep);
                }
                var batch = _updates.Take(limit).ToList();
                if (batch.Count > 0 || _time.Elapsed >= deadline)
                {
                    foreach (var f in batch.Where(u => u.Forced)) _updates.Remove(f);
                    return new JsonArray(batch.Select(u => (JsonNode)JsonNode.Parse(u.Json)!).ToArray());
                }
            }
            // Like Telegram, a long poll answers as soon as an update arrives.
            await Task.WhenAny(queued, Task.Delay(10, aborted));
            aborted.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Telegram's limits read as strictly as they are written: at most 30 messages in any second and 20 in any
    /// minute per group (counted in a sliding window, no burst on top), one a second per chat (a bucket of
    /// <see cref="PerChatBurst"/>). Returns retry_after (s) when one is exceeded.
    /// </summary>
    private int? RateLimit(long chatId)
    {
        lock (_lock)
        {
            var now = _time.Elapsed.TotalSeconds;
            if (!_perChat.TryGetValue(chatId, out var chat)) _perChat[chatId] = chat = new Bucket(PerChatBurst, 1);
            Window? group = null;
            if (chatId < 0 && !_perGroup.TryGetValue(chatId, out group)) _perGroup[chatId] = group = new Window(20, 60);
            if (!_global.Has(now)) { LastRateLimit = "global"; return 1; }
            if (!chat.Has(now)) { LastRateLimit = $"chat {chatId}"; return 1; }
            if (group?.Has(now) == false) { LastRateLimit = $"group {chatId}"; return 3; }
            _global.Take(now);
            chat.Take(now);
            group?.Take(now);
            return null;
        }
    }

    private Fault? TakeFault(string method)
    {
        if (!_faults.TryPeek(out var f)) return null;
        if (f.Method != "*" && !f.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) return null;
        return _faults.TryDequeue(out f) ? f : null;
    }

    private async Task Answer(HttpContext http, string method, int status, long? chatId, string? text, JsonObject response)
    {
        Record(method, status, chatId, text);
        await WriteAsync(http, status, response);
    }

    private void Record(string method, int status, long? chatId, string? text)
    {
        lock (_lock) _calls.Add(new ApiCall(method, status, chatId, text, DateTimeOffset.UtcNow));
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonObject response)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString());
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest req)
    {
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync();
            var o = new JsonObject();
            foreach (var kv in form) o[kv.Key] = kv.Value.ToString();
            if (form.Files.Count > 0) o["__file_name"] = form.Files[0].FileName;
            return o;
        }
        using var reader = new StreamReader(req.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private static JsonNode? ScopeOf(JsonObject body) => body["scope"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => JsonNode.Parse(s),
        var n => n,
    };

    private static long? ReadLong(JsonNode? n) => n switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var l2) => l2,
        _ => null,
    };

    private static JsonObject UserJson(long id, string firstName) => new() { ["id"] = id, ["is_bot"] = id == 123456, ["first_name"] = firstName };

    private static JsonObject MessageJson(long fromId, long chatId, string chatType, string firstName, string text, int messageId = 1)
    {
        var m = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
            ["text"] = text,
        };
        m["from"] = fromId == 0 ? UserJson(123456, "PKH Bot") : UserJson(fromId, firstName);
        return m;
    }

    private static JsonObject Ok(JsonNode result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var o = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is int ra) o["parameters"] = new JsonObject { ["retry_after"] = ra };
        return o;
    }

    private static string DefaultDescription(int status, int? retryAfter) => status switch
    {
        429 => $"Too Many Requests: retry after {retryAfter ?? 1}",
        403 => "Forbidden: bot was blocked by the user",
        400 => "Bad Request: chat not found",
        502 => "Bad Gateway",
        _ => "Internal Server Error",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record QueuedUpdate(long Id, string Json, bool Forced);

    private enum FaultKind { Status, Delay, Drop }

    private sealed record Fault(string Method, FaultKind Kind, int Status, int? RetryAfter, string? Description, TimeSpan Delay);

    /// <summary>At most <paramref name="max"/> accepted in any <paramref name="seconds"/>.</summary>
    private sealed class Window(int max, double seconds)
    {
        private readonly Queue<double> _accepted = new();

        public bool Has(double now)
        {
            while (_accepted.TryPeek(out var t) && now - t >= seconds) _accepted.Dequeue();
            return _accepted.Count < max;
        }

        public void Take(double now) => _accepted.Enqueue(now);
    }

    private sealed class Bucket(double capacity, double perSecond)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private double _at;

        public bool Has(double now)
        {
            _tokens = Math.Min(_capacity, _tokens + (now - _at) * perSecond);
            _at = now;
            return _tokens >= 1;
        }

        public void Take(double now)
        {
            Has(now);
            _tokens -= 1;
        }
    }
}

/// <summary>How <see cref="FakeBotApi.StartOutage"/> refuses calls.</summary>
public enum OutageKind
{
    /// <summary>502 Bad Gateway (Telegram's front end up, its back end down).</summary>
    BadGateway,
    /// <summary>The connection is closed without an answer (the network or Telegram unreachable).</summary>
    Refused,
    /// <summary>401 Unauthorized (the token is being rotated).</summary>
    Unauthorized,
}

/// <summary>What Telegram accepts in parse_mode HTML: known tags, balanced, and every other &amp; &lt; &gt; escaped.</summary>
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    /// <summary>Null when Telegram would accept the text, else the reason.</summary>
    public static string? Check(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '&':
                    var m = Entity().Match(html, i);
                    if (!m.Success || m.Index != i) return $"Character '&' is reserved and must be escaped with the preceding '\\' at byte offset {i}";
                    i += m.Length - 1;
                    break;
                case '>':
                    return $"Unmatched end tag at byte offset {i}";
                case '<':
                    var end = html.IndexOf('>', i);
                    if (end < 0) return $"Unclosed start tag at byte offset {i}";
                    var inner = html[(i + 1)..end];
                    if (inner.StartsWith('/'))
                    {
                        var name = inner[1..].Trim().ToLowerInvariant();
                        if (open.Count == 0 || open.Pop() != name) return $"Unmatched end tag \"{name}\" at byte offset {i}";
                    }
                    else
                    {
                        var name = inner.Split(' ', 2)[0].ToLowerInvariant();
                        if (!Tags.Contains(name)) return $"Unsupported start tag \"{name}\" at byte offset {i}";
                        open.Push(name);
                    }
                    i = end;
                    break;
            }
        }
        return open.Count == 0 ? null : $"Can't find end tag corresponding to start tag \"{open.Peek()}\"";
    }

    /// <summary>The text the user sees (tags removed, entities decoded), whose length Telegram limits.</summary>
    public static string VisibleText(string html)
        => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(html, ""));

    [GeneratedRegex(@"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();
}
