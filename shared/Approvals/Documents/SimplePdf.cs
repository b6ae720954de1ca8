using System.Globalization;
using System.Text;

namespace Approvals.Documents;

/// <summary>
/// Writes a small, deterministic PDF of text lines, Chinese included, using the standard Adobe-GB1 CJK font
/// STSong-Light with the UniGB-UCS2-H CMap (no font embedding needed). The same lines always give the same
/// bytes, so a document's SHA-256 can stand in the history for the document.
/// </summary>
public static class SimplePdf
{
    public static byte[] Write(string title, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT /F1 16 Tf 56 790 Td ").Append(Hex(title)).Append(" Tj ET\n");
        var y = 760;
        foreach (var line in lines)
        {
            foreach (var chunk in Wrap(line, 38))
            {
                if (y < 56) break;
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 11 Tf 56 {y} Td ").Append(Hex(chunk)).Append(" Tj ET\n");
                y -= 16;
            }
        }

        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content.ToString())} >>\nstream\n{content}endstream",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        };
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Hex(string text)
    {
        var builder = new StringBuilder("<");
        foreach (var c in text) builder.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return builder.Append('>').ToString();
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        if (line.Length == 0) yield return "";
        for (var i = 0; i < line.Length; i += width) yield return line.Substring(i, Math.Min(width, line.Length - i));
    }
}
