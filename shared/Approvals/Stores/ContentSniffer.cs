using System.Text;

namespace Approvals.Stores;

/// <summary>
/// Decides a material's type from its first bytes, never from the name or the declared type:
/// PDF (%PDF-), OFD (a ZIP package whose entries include OFD.xml, GB/T 33190), JPEG (FF D8 FF), PNG.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to see.</summary>
    public const int HeaderLength = 4096;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8)) return "application/pdf";
        if (header.StartsWith(Png)) return "image/png";
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF) return "image/jpeg";
        if (header.StartsWith("PK\u0003\u0004"u8) && header.IndexOf("OFD.xml"u8) >= 0) return "application/ofd";
        return null;
    }

    /// <summary>A readable name for error messages.</summary>
    public static string Describe(ReadOnlySpan<byte> header) =>
        header.Length == 0 ? "an empty file" : $"content starting {Convert.ToHexString(header[..Math.Min(8, header.Length)])} ({Encoding.ASCII.GetString(header[..Math.Min(8, header.Length)]).Replace('\0', '.')})";
}
