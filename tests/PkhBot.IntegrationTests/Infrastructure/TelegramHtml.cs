using System.Text.RegularExpressions;

namespace PkhBot.IntegrationTests.Infrastructure;

/// <summary>
/// What Telegram's HTML parse mode accepts: only its tags, balanced; '&lt;', '&gt;' and '&amp;' escaped in text;
/// only the named entities it knows. Returns null when valid, else the reason (like "can't parse entities").
/// </summary>
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];
    private static readonly HashSet<string> Entities = ["lt", "gt", "amp", "quot"];

    public static string? Validate(string html)
    {
        if (html.Length > 4096) return "message is too long";
        var stack = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>') return $"unexpected '>' at {i}";
            if (c == '&')
            {
                var semi = html.IndexOf(';', i);
                if (semi < 0) return $"unescaped '&' at {i}";
                var name = html[(i + 1)..semi];
                if (!(Entities.Contains(name) || NumericEntity().IsMatch(name))) return $"unsupported entity '&{name};'";
                i = semi;
                continue;
            }
            if (c != '<') continue;
            var end = html.IndexOf('>', i);
            if (end < 0) return $"unclosed tag at {i}";
            var tag = html[(i + 1)..end];
            if (tag.StartsWith('/'))
            {
                var closing = tag[1..].Trim();
                if (stack.Count == 0 || stack.Pop() != closing) return $"unmatched end tag '{closing}'";
            }
            else
            {
                var name = tag.Split(' ', 2)[0];
                if (!Tags.Contains(name)) return $"unsupported start tag '{name}'";
                stack.Push(name);
            }
            i = end;
        }
        return stack.Count > 0 ? $"unclosed '{stack.Peek()}'" : null;
    }

    [GeneratedRegex("^#(\\d+|x[0-9a-fA-F]+)$")]
    private static partial Regex NumericEntity();
}
