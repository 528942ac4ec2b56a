using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PkhBot.IntegrationTests.Infrastructure;

namespace PkhBot.IntegrationTests.Reliability;

/// <summary>
/// Reads a test's SQLite file directly: every text value of every table, then the raw bytes of the database and its
/// -wal (where a row lives on after it was changed or deleted), looking for a whole NIK (16 digits, also in groups with
/// spaces, dots or dashes) or an Indonesian mobile number. The roster's own NIK and phone columns hold them by design
/// and are left out; their values found in the raw bytes are too.
/// </summary>
public static partial class DatabaseScan
{
    public sealed record Finding(string Table, string Column, string Kind, string Digits, string? Around = null)
    {
        public override string ToString() => $"{Kind} {Digits} in {Table}.{Column}" + (Around is null ? "" : $" around «{Around}»");
    }

    public sealed record Result(IReadOnlyList<Finding> Findings, int Tables, int Values, long RawBytes);

    private static readonly HashSet<(string, string)> RosterColumns = [("Households", "Nik"), ("Pendamping", "Phone"), ("Coordinators", "Phone")];

    public static async Task<Result> RunAsync(TestApp app)
    {
        SqliteConnection.ClearAllPools();
        var findings = new List<Finding>();
        var roster = new HashSet<string>(StringComparer.Ordinal);
        int tables = 0, values = 0;
        await using (var c = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await c.OpenAsync();
            var names = new List<string>();
            await using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) names.Add(r.GetString(0));
            }
            foreach (var table in names)
            {
                tables++;
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{table}\"";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        if (r.IsDBNull(i) || r.GetValue(i) is not string text) continue;
                        values++;
                        var column = r.GetName(i);
                        var found = Find(text).ToList();
                        if (RosterColumns.Contains((table, column))) roster.UnionWith(found.Select(f => f.Digits));
                        else findings.AddRange(found.Select(f => new Finding(table, column, f.Kind, f.Digits)));
                    }
                }
            }
        }
        long rawBytes = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var path = app.DatabasePath + suffix;
            if (!File.Exists(path)) continue;
            byte[] bytes;
            await using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[f.Length];
                await f.ReadExactlyAsync(bytes);
            }
            rawBytes += bytes.Length;
            var text = Encoding.Latin1.GetString(bytes);
            findings.AddRange(Find(text).Where(f => !roster.Contains(f.Digits)).Select(f => new Finding($"file{suffix}", "bytes", f.Kind, f.Digits, Around(text, f.At))));
        }
        return new Result(findings.DistinctBy(f => (f.Table, f.Column, f.Digits)).ToList(), tables, values, rawBytes);
    }

    public static IEnumerable<(string Kind, string Digits, int At)> Find(string text)
    {
        foreach (Match m in Nik().Matches(text))
            if (!InsideHash(text, m)) yield return ("NIK", Digits(m.Value), m.Index);
        foreach (Match m in Phone().Matches(text))
        {
            if (InsideHash(text, m)) continue;
            var d = Digits(m.Value);
            yield return ("phone", d.StartsWith("62", StringComparison.Ordinal) ? "0" + d[2..] : d, m.Index);
        }
    }

    /// <summary>
    /// Digits inside a long run of hex (a 32-character key hash, a GUID's hex) or inside a GUID written with dashes (a row
    /// version: "CA24C9C1-214E-42BA-98AD-0811297155E7") are not something a person typed: a hash's decimal digits in a row
    /// would otherwise read as a NIK or a phone number, depending on the run's random bytes.
    /// </summary>
    private static bool InsideHash(string text, Match m)
    {
        int from = m.Index, to = m.Index + m.Length;
        var window = Math.Max(0, from - DashedGuidLength);
        foreach (Match g in DashedGuid().Matches(text[window..Math.Min(text.Length, to + DashedGuidLength)]))
            if (window + g.Index <= from && window + g.Index + g.Length >= to) return true;
        while (from > 0 && char.IsAsciiHexDigit(text[from - 1])) from--;
        while (to < text.Length && char.IsAsciiHexDigit(text[to])) to++;
        var run = text.AsSpan(from, to - from);
        return run.Length >= 32 && run.ContainsAnyExcept("0123456789 .-+");
    }

    /// <summary>The printable bytes around a raw-byte finding, so a failure shows which record the digits sit in.</summary>
    private static string Around(string text, int at)
    {
        var from = Math.Max(0, at - 40);
        var slice = text[from..Math.Min(text.Length, at + 60)];
        return new string(slice.Select(ch => ch is >= ' ' and <= '~' ? ch : '·').ToArray());
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    private const int DashedGuidLength = 36;

    [GeneratedRegex("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")]
    private static partial Regex DashedGuid();

    [GeneratedRegex(@"(?<!\d)\d{16}(?!\d)|(?<!\d[ .\-]?)\d(?:[ .\-]?\d){15}(?![ .\-]?\d)")]
    private static partial Regex Nik();

    // 08…, +628…, 628…: 10-13 digits in all, in groups or not.
    [GeneratedRegex(@"(?<![\d])(?:\+62|62|0)[ .\-]?8(?:[ .\-]?\d){7,10}(?![\d])")]
    private static partial Regex Phone();
}
