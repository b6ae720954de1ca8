using System.Security.Cryptography;
using System.Text;

namespace Approvals.LandToStart;

/// <summary>
/// What a simulated opinion rests on, as a fingerprint: the document's plan conditions and materials. A simulated opinion
/// turns formal on the contract day only if the fingerprint then is the one it was given on.
/// </summary>
public static class DocumentBasis
{
    public static string Fingerprint(ContractDocument document, IReadOnlyDictionary<string, string> conditions, IReadOnlyDictionary<string, string> materials)
    {
        var text = new StringBuilder();
        foreach (var key in document.Conditions.Order(StringComparer.Ordinal)) text.Append("c:").Append(key).Append('=').Append(conditions.GetValueOrDefault(key)).Append('\n');
        foreach (var code in document.Materials.Order(StringComparer.Ordinal)) text.Append("m:").Append(code).Append('=').Append(materials.GetValueOrDefault(code)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>Which of the document's conditions and materials differ between two bases (for the re-review's reason).</summary>
    public static IReadOnlyList<string> Changed(ContractDocument document, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> beforeMaterials,
        IReadOnlyDictionary<string, string> after, IReadOnlyDictionary<string, string> afterMaterials) =>
        [
            .. document.Conditions.Where(c => before.GetValueOrDefault(c) != after.GetValueOrDefault(c)),
            .. document.Materials.Where(m => beforeMaterials.GetValueOrDefault(m) != afterMaterials.GetValueOrDefault(m)),
        ];
}
