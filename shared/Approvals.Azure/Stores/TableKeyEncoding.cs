using System.Globalization;
using System.Text;

namespace Approvals.Azure.Stores;

/// <summary>
/// Turns arbitrary strings (scopes, message ids, USCCs, certificate numbers) into valid PartitionKey / RowKey values:
/// the characters keys may not hold (<c>/ \ # ?</c> and control characters) and the escape character <c>%</c> itself
/// become <c>%XX</c>. Reversible, so the original is never lost.
/// </summary>
internal static class TableKeyEncoding
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape)) return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c)) builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal)) return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or '\'' || char.IsControl(c);
}
