using System.Security.Cryptography;
using System.Text;

namespace Approvals.Functions.Http;

/// <summary>
/// The <c>Idempotency-Key</c> header of a creating call: its rule, and the case id derived from the caller and the key
/// alone, so a retry after a crash or after midnight lands on the same durable instance.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="key"/> is usable; otherwise what is wrong with it.</summary>
    public static string? Problem(string key) => key.Length is 0 or > MaxLength || key.Any(char.IsControl)
        ? $"请提供 Idempotency-Key 请求头 / the {Header} header (1–{MaxLength} printable characters) is required."
        : null;

    /// <summary><paramref name="prefix"/> + 16 hex digits of SHA-256 over the record key (caller:key).</summary>
    public static string CaseId(string prefix, string recordKey) =>
        $"{prefix}{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(recordKey)))[..16]}";

    public static string BodyHash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
