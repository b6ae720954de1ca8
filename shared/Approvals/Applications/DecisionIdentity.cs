using System.Security.Cryptography;
using System.Text;

namespace Approvals.Applications;

/// <summary>
/// What makes two department decisions the same: the content fingerprint (item, decision, opinion, reviewer; not the
/// time, which a retry may fill in again) and, for a decision sent without a message id, an id derived from the
/// application, the department, the item, the review round and that content, so a retry is the same message.
/// </summary>
public static class DecisionIdentity
{
    /// <summary>A short hash of what the department decided; equal for a redelivery, different for another answer.</summary>
    public static string Fingerprint(DepartmentDecision decision) =>
        Hash($"{decision.Item.ToUpperInvariant()}\n{decision.Decision}\n{decision.Opinion}\n{decision.Reviewer}")[..16];

    /// <summary>The message id of a decision that came without one (an HTTP call retried after a timeout, say).</summary>
    public static string DerivedMessageId(string applicationId, DepartmentDecision decision, int round) =>
        "derived-" + Hash($"{applicationId}\n{decision.Department.ToUpperInvariant()}\n{round}\n{Fingerprint(decision)}")[..32];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
