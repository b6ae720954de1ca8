using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Approvals.Catalog;

/// <summary>
/// The kebab-case names enums carry in data files and the API (<c>OnSite</c> ↔ <c>on-site</c>,
/// <c>CommitmentApproval</c> ↔ <c>commitment-approval</c>).
/// </summary>
public static class WireName
{
    /// <summary>The wire name of an enum value.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Reads a wire name (exact, case-sensitive); false for unknown names.</summary>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads a wire name, throwing <see cref="FormatException"/> listing the allowed names.</summary>
    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of {Allowed<TEnum>()}.");

    /// <summary>The allowed wire names, for messages.</summary>
    public static string Allowed<TEnum>() where TEnum : struct, Enum =>
        string.Join("|", Enum.GetValues<TEnum>().Select(Of));
}
