using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Approvals.Intake;

/// <summary>
/// The random yet reproducible draw of "double random, one public" (双随机一公开): whether a commitment is checked
/// comes from HMAC-SHA256(seed, subject), so anyone holding the published seed can recompute every draw, and
/// nobody can steer one subject without changing the seed for all.
/// </summary>
public static class CommitmentSampler
{
    /// <summary>A number in [0, 1) determined by the seed and the subject alone.</summary>
    public static double Draw(string seed, string subject)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(seed), Encoding.UTF8.GetBytes(subject));
        var bits = BinaryPrimitives.ReadUInt64BigEndian(mac) >> 11; // 53 bits: every value exact in a double
        return bits / (double)(1UL << 53);
    }

    /// <summary>True when the subject falls within <paramref name="ratio"/> of the draws.</summary>
    public static bool IsDrawn(string seed, string subject, double ratio) => Draw(seed, subject) < ratio;
}
