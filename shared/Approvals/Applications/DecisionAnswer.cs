namespace Approvals.Applications;

/// <summary>
/// How the orchestration answered one department decision it received: accepted (the first decision of the task's
/// round), duplicate (the same message id and content again) or refused (the task was already decided, or the message
/// id was used before with other content), with a reason a person can read. The orchestration publishes the last few
/// in its custom status, so the command that raised the decision can answer its caller synchronously (issue 14,
/// defect 2).
/// </summary>
public sealed record DecisionAnswer(string MessageId, string Department, string Item, int Round, string Outcome, string Reason, string Fingerprint)
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Refused = "refused";
}
