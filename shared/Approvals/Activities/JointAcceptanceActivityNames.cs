namespace Approvals.Activities;

/// <summary>
/// Activities of the joint-acceptance workflow (beyond the shared ones in <see cref="ActivityNames"/>: notices,
/// escalation, deadlines and certificates are reused), by registered name.
/// </summary>
public static class JointAcceptanceActivityNames
{
    public const string NotifyApplicant = nameof(NotifyApplicant);
    public const string CountWorkingDaysUsed = nameof(CountWorkingDaysUsed);
    public const string LookUpProjectCommitments = nameof(LookUpProjectCommitments);
    public const string PushToArchives = nameof(PushToArchives);
    public const string PushToRegistration = nameof(PushToRegistration);
}

/// <summary>Input of CountWorkingDaysUsed: working days the clock ran from <see cref="From"/> to <see cref="To"/>, without the stops.</summary>
public sealed record WorkingDaysUsedRequest(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<Applications.PauseView> Paused);

/// <summary>
/// Input of PushToArchives / PushToRegistration (联验即发证): the acceptance opinion and survey results handed to the
/// authority that issues the next certificate; it answers later with the number by external event.
/// </summary>
public sealed record CertificationPush(
    string ApplicationId, string Recipient, string ProjectCode, string ProjectName, string? Unit, string AcceptanceCertificateNumber,
    Applications.AcceptanceOpinionView AcceptanceOpinion, string? SurveyResultsMaterialId, DateTimeOffset At);
