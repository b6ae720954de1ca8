using System.Security.Cryptography;
using System.Text;

namespace Approvals.Applications;

/// <summary>Certificate numbers: readable (item, date) and derived deterministically from the application and item, so a retried issue gives the same number.</summary>
public static class CertificateNumbers
{
    public static string For(string applicationId, string item, DateTimeOffset issuedAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{applicationId}|{item}"));
        var date = issuedAt.ToOffset(TimeSpan.FromHours(8));
        return $"{item}-{date:yyyyMMdd}-{Convert.ToHexString(hash.AsSpan(0, 4))}";
    }
}
