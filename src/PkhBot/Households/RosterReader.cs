using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace PkhBot.Households;

/// <summary>Result of reading a roster file: the rows, or why the file as a whole cannot be used.</summary>
public sealed record RosterFile(IReadOnlyList<RosterRow> Rows, IReadOnlyList<string> Warnings, string? Error)
{
    public static RosterFile Fail(string error) => new([], [], error);
}

/// <summary>Which columns a table must have (the order of <see cref="RosterRow.Fields"/>), and which one holds NIK.</summary>
public sealed record TableShape(IReadOnlyList<string> Columns, int? NikColumn, bool WarnOnExtraColumns);

/// <summary>
/// Reads a roster from CSV (CsvHelper 34, separator detected: Excel in Indonesia often writes ';') or XLSX
/// (MiniExcel, merged cells filled). Checks the header; the values are checked by <see cref="RosterImporter"/>.
/// </summary>
public static class RosterReader
{
    static RosterReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RosterFile Read(string path, long maxBytes)
        => Read(path, maxBytes, new TableShape(RosterColumns.Names, RosterColumns.Nik, WarnOnExtraColumns: true));

    /// <summary>
    /// Any table of the roster's family (an official recipient list, say): the columns <paramref name="shape"/> names,
    /// in that order in <see cref="RosterRow.Fields"/>, whatever their order in the file.
    /// </summary>
    public static RosterFile Read(string path, long maxBytes, TableShape shape)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return RosterFile.Fail(ImportTexts.FileNotFound(path));
        if (file.Length > maxBytes) return RosterFile.Fail(ImportTexts.FileTooLarge(file.Length, maxBytes));
        if (file.Length == 0) return RosterFile.Fail(ImportTexts.FileEmpty);

        var ext = file.Extension.ToLowerInvariant();
        try
        {
            return ext switch
            {
                ".xlsx" => ReadXlsx(path, shape),
                ".csv" or ".txt" => ReadCsv(path, shape),
                ".xls" => RosterFile.Fail(ImportTexts.OldExcel),
                _ => RosterFile.Fail(ImportTexts.UnknownFormat(ext)),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException
                                       or System.Xml.XmlException or CsvFormatException)
        {
            // A corrupt or disguised file: say so without dumping its contents.
            return RosterFile.Fail(ImportTexts.Unreadable(ext, ex.GetType().Name));
        }
    }

    private static RosterFile ReadCsv(string path, TableShape shape)
    {
        var warnings = new List<string>();
        var encoding = IsValidUtf8(path) ? null : Encoding.GetEncoding(1252);
        if (encoding is not null) warnings.Add(ImportTexts.NotUtf8);

        var options = CsvReaderOptions.Default with
        {
            Encoding = encoding,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
        };
        using var csv = CsvReader.FromFile(path, options);
        var headers = csv.Headers.ToArray();
        var map = MapHeader(headers, shape, out var error, warnings);
        if (map is null) return RosterFile.Fail(error!);

        var rows = new List<RosterRow>();
        while (csv.Read())
        {
            var fields = new string[shape.Columns.Count];
            for (var c = 0; c < fields.Length; c++)
            {
                var i = map[c];
                fields[c] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            }
            if (fields.All(f => f.Length == 0)) continue;
            rows.Add(new RosterRow((int)csv.LineNumber, fields));
        }
        return new RosterFile(rows, warnings, null);
    }

    private static RosterFile ReadXlsx(string path, TableShape shape)
    {
        var warnings = new List<string>();
        var config = new OpenXmlConfiguration { FillMergedCells = true };
        int[]? map = null;
        string[]? keys = null;
        var rows = new List<RosterRow>();
        var line = 1;
        var numericNiks = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(path, useHeaderRow: true, configuration: config))
        {
            line++;
            if (map is null)
            {
                keys = cells.Keys.ToArray();
                map = MapHeader(keys, shape, out var error, warnings);
                if (map is null) return RosterFile.Fail(error!);
            }
            var fields = new string[shape.Columns.Count];
            for (var c = 0; c < fields.Length; c++)
                fields[c] = CellText(cells.TryGetValue(keys![map[c]], out var v) ? v : null);
            if (fields.All(f => f.Length == 0)) continue;
            if (shape.NikColumn is int nikColumn && cells.TryGetValue(keys![map[nikColumn]], out var nik) && nik is double or decimal) numericNiks++;
            rows.Add(new RosterRow(line, fields));
        }
        // Typed into Excel as a number, a NIK keeps 15 digits: the 16th silently becomes 0.
        if (numericNiks > 0) warnings.Add(ImportTexts.NumericNik(numericNiks));
        if (map is null)
        {
            // No data rows: still check the header so an empty template with a wrong header is reported.
            var header = MiniExcel.GetColumns(path, useHeaderRow: true, configuration: config)?.ToArray() ?? [];
            if (MapHeader(header, shape, out var error, warnings) is null) return RosterFile.Fail(error!);
        }
        return new RosterFile(rows, warnings, null);
    }

    /// <summary>Excel stores NIK and counts as numbers: 3522011234567890 must not come back as 3.52201E+15.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        // Custom formats round doubles to 15 digits; a 16-digit NIK needs the integer conversion.
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).ToString(CultureInfo.InvariantCulture),
        decimal m when m == decimal.Floor(m) => m.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>Column index in the file for each <see cref="RosterColumns"/> entry; null when a column is missing.</summary>
    internal static int[]? MapHeader(IReadOnlyList<string> headers, out string? error, List<string> warnings)
        => MapHeader(headers, new TableShape(RosterColumns.Names, RosterColumns.Nik, WarnOnExtraColumns: true), out error, warnings);

    private static int[]? MapHeader(IReadOnlyList<string> headers, TableShape shape, out string? error, List<string> warnings)
    {
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = RosterColumns.NormalizeHeader(headers[i]);
            if (name.Length == 0) continue;
            if (!positions.TryAdd(name, i))
            {
                error = ImportTexts.DuplicateColumn(name);
                return null;
            }
        }
        var missing = shape.Columns.Where(n => !positions.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            error = ImportTexts.MissingColumns(missing, shape.Columns);
            return null;
        }
        var extra = positions.Keys.Where(k => !shape.Columns.Contains(k)).ToList();
        if (extra.Count > 0 && shape.WarnOnExtraColumns) warnings.Add(ImportTexts.ExtraColumns(extra));
        error = null;
        return shape.Columns.Select(n => positions[n]).ToArray();
    }

    /// <summary>One streaming pass with a strict decoder: cheap next to the import, and it keeps names intact.</summary>
    private static bool IsValidUtf8(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        try
        {
            while (reader.Read(buffer, 0, buffer.Length) > 0) { }
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
