using System.IO.Compression;
using System.Security;
using System.Text;

namespace PkhBot.IntegrationTests.Households;

/// <summary>
/// Writes a minimal XLSX by hand in which one column of the data rows is a single merged cell (value only in the
/// first row), as coordinators do for "kecamatan" in real rosters. MiniExcel cannot write merges itself.
/// </summary>
public static class MergedCellsWorkbook
{
    public static void Write(string path, string[] header, IReadOnlyList<string[]> rows, int mergedColumn)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        AppendRow(sb, 1, header, -1);
        for (var i = 0; i < rows.Count; i++) AppendRow(sb, i + 2, rows[i], i == 0 ? -1 : mergedColumn);
        var col = ColumnName(mergedColumn);
        sb.Append($"""</sheetData><mergeCells count="1"><mergeCell ref="{col}2:{col}{rows.Count + 1}"/></mergeCells></worksheet>""");
        Add(zip, "xl/worksheets/sheet1.xml", sb.ToString());
    }

    private static void AppendRow(StringBuilder sb, int r, string[] values, int blankColumn)
    {
        sb.Append($"<row r=\"{r}\">");
        for (var c = 0; c < values.Length; c++)
        {
            if (c == blankColumn)
            {
                sb.Append($"<c r=\"{ColumnName(c)}{r}\"/>");   // Excel keeps the covered cells, empty
                continue;
            }
            sb.Append($"<c r=\"{ColumnName(c)}{r}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(values[c])}</t></is></c>");
        }
        sb.Append("</row>");
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(content);
    }
}
