using System.Text;

namespace PkhBot.Conversation;

/// <summary>
/// Every message goes out with parse_mode HTML. Telegram's HTML only needs &amp;, &lt; and &gt; escaped in text;
/// names and notes with _ * [ ] ( ) are safe as they are.
/// </summary>
public static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    public static string Bold(string? text) => $"<b>{Escape(text)}</b>";
    public static string Code(string? text) => $"<code>{Escape(text)}</code>";

    /// <summary>Strips tags and decodes entities: what the user actually reads (console channel, tests).</summary>
    public static string ToPlain(string html)
    {
        var sb = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') { inTag = true; continue; }
            if (c == '>' && inTag) { inTag = false; continue; }
            if (!inTag) sb.Append(c);
        }
        return sb.ToString().Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&amp;", "&");
    }

    /// <summary>Telegram rejects messages over 4096 characters; cut at a line break and say so.</summary>
    public static string Truncate(string html, int max = 4000)
    {
        if (html.Length <= max) return html;
        var cut = html.LastIndexOf('\n', max - 40);
        if (cut < max / 2) cut = max - 40;
        // Never leave a tag or entity half-open: drop back to before the last '<' or '&' that has no end.
        var lt = html.LastIndexOf('<', cut - 1);
        if (lt >= 0 && html.IndexOf('>', lt) >= cut) cut = lt;
        var amp = html.LastIndexOf('&', cut - 1);
        if (amp >= 0 && html.IndexOf(';', amp) >= cut) cut = amp;
        var head = html[..cut];
        return CloseOpenTags(head) + "\n…(dipotong)";
    }

    private static string CloseOpenTags(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var end = html.IndexOf('>', i);
            if (end < 0) break;
            var tag = html[(i + 1)..end];
            if (tag.StartsWith('/')) { if (open.Count > 0) open.Pop(); }
            else open.Push(tag.Split(' ')[0]);
            i = end + 1;
        }
        var sb = new StringBuilder(html);
        while (open.Count > 0) sb.Append("</").Append(open.Pop()).Append('>');
        return sb.ToString();
    }
}
