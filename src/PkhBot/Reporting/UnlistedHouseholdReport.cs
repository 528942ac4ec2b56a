using PkhBot.Conversation;
using PkhBot.Households;

namespace PkhBot.Reporting;

/// <summary>
/// A pendamping's free text that reads like a report (a person addressed as Bu/Pak/Mbah..., and an event,
/// money or a date: "Bu Sumirah anaknya putus sekolah") but names no household of theirs. It is not a
/// programme question: the reply says no such KPM is in their list, offers the closest names in their scope
/// and /cari, and never a rule answer from the knowledge base. Runs after the extractor found no household.
/// </summary>
public static class UnlistedHouseholdReport
{
    /// <summary>Words that address a person ("Bu Sumirah", "Mbah Karto").</summary>
    private static readonly HashSet<string> Honorifics =
        ["bu", "ibu", "bapak", "pak", "mbah", "mbak", "mas", "bude", "pakde", "budhe", "pakdhe", "nyonya", "ny", "sdr", "sdri", "saudari", "saudara", "nenek", "kakek", "eyang"];

    /// <summary>Words after an honorific that are roles or kinds of people, not names ("bu pendamping", "ibu hamil").</summary>
    private static readonly HashSet<string> NotNames =
        ["hamil", "nifas", "pendamping", "bidan", "guru", "kades", "lurah", "camat", "rt", "rw", "ketua", "kepala", "dokter",
         "mantri", "sekdes", "kader", "kpm", "pkh", "lansia", "dinsos", "saya", "kami", "kita", "dia", "nya", "yang", "ini", "itu",
         "sudah", "belum", "tidak", "mau", "bisa", "kalau", "dan", "atau", "di", "ke", "dari", "korkab", "operator", "petugas", "kantor"];

    public const string NotInListFormat =
        "KPM \"{0}\" tidak ada di daftar dampingan Anda, jadi catatan ini tidak disimpan sebagai laporan.";

    public const string Closest = "Yang mirip di daftar Anda:";

    public const string WhatNext = "Kirim ulang dengan nama lengkap atau ID KPM, atau cari dulu dengan /cari NAMA (daftar lengkap: /kpm).";

    public static async Task<bool> TryReplyAsync(ConversationContext ctx, string text, CancellationToken ct)
    {
        if (!ctx.Caller.IsPendamping || RuleBasedReportExtractor.LooksLikeQuestion(text)) return false;
        var person = PersonNamed(text);
        if (person is null) return false;
        var parsed = ReportNoteParser.Parse(text, ctx.Now);
        var reportLike = RuleBasedReportExtractor.GuessCategory(text, parsed) is not null || parsed.Amounts.Count > 0 || parsed.DatePhrase is not null;
        if (!reportLike) return false;
        var closest = await HouseholdSearch.SearchAsync(ctx.Db, ctx.Caller, person, 3, ct);
        var reply = string.Format(System.Globalization.CultureInfo.InvariantCulture, NotInListFormat, Html.Escape(person));
        if (closest.Count > 0)
            reply += "\n" + Closest + "\n" + string.Join("\n", closest.Select(h => $"• {Html.Escape(h.Nama)} · <code>{Html.Escape(h.IdKpm)}</code> · {Html.Escape(h.Desa ?? "-")}"));
        ctx.Reply(reply + "\n" + WhatNext);
        return true;
    }

    /// <summary>
    /// "Bu Sumirah", "pak Karto Wiryo": the name after an honorific, its capitalised words when written so,
    /// else one word. Null when there is none (or the word is a role: "bu pendamping", "ibu hamil").
    /// </summary>
    public static string? PersonNamed(string text)
    {
        var words = text.Split([' ', ',', '.', ':', ';', '!', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (!Honorifics.Contains(words[i].ToLowerInvariant())) continue;
            var first = words[i + 1];
            if (first.Length < 3 || !first.All(char.IsLetter) || NotNames.Contains(first.ToLowerInvariant())) continue;
            var name = new List<string> { first };
            if (char.IsUpper(first[0]))
                for (var j = i + 2; j < words.Length && name.Count < 3 && words[j].Length >= 2 && char.IsUpper(words[j][0]) && words[j].All(char.IsLetter); j++)
                    name.Add(words[j]);
            return string.Join(' ', name);
        }
        return null;
    }
}
