using System.Security.Cryptography;
using System.Text;

namespace Approvals.Intake;

/// <summary>
/// The application id of a submission: derived from the applicant and its Idempotency-Key alone (no date, no clock),
/// so a retry after midnight, or after a crash between scheduling the application and recording the key, lands on the
/// same instance and never creates a second application (issue 14, defect 5).
/// </summary>
public static class SubmissionIds
{
    public static string ForKey(string uscc, string idempotencyKey) =>
        "APP-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{uscc.ToUpperInvariant()}:{idempotencyKey}")))[..16];
}
