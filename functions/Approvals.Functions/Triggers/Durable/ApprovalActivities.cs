using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;
using Approvals.Stores;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Durable;

/// <summary>
/// The procedures' activities, one function per registered name, each a thin wrapper over the domain's activity class
/// (<see cref="Orchestrations.ApprovalWorkflow"/> lists the same names).
/// </summary>
public sealed class ApprovalActivities(ActivityRunner activities)
{
    [Function(ActivityNames.WriteCommitmentLetter)]
    public Task<string> WriteCommitmentLetter([ActivityTrigger] ApplicationPlan input) =>
        activities.RunAsync<WriteCommitmentLetterActivity, ApplicationPlan, string>(ActivityNames.WriteCommitmentLetter, input);

    [Function(ActivityNames.SendReviewRequest)]
    public Task<bool> SendReviewRequest([ActivityTrigger] Notification input) =>
        activities.RunAsync<NotifyActivity, Notification, bool>(ActivityNames.SendReviewRequest, input);

    [Function(ActivityNames.Escalate)]
    public Task<bool> Escalate([ActivityTrigger] Notification input) =>
        activities.RunAsync<NotifyActivity, Notification, bool>(ActivityNames.Escalate, input);

    [Function(ActivityNames.ComputeDeadline)]
    public Task<Deadline> ComputeDeadline([ActivityTrigger] DeadlineRequest input) =>
        activities.RunAsync<ComputeDeadlineActivity, DeadlineRequest, Deadline>(ActivityNames.ComputeDeadline, input);

    [Function(ActivityNames.IssueCertificate)]
    public Task<CertificateView> IssueCertificate([ActivityTrigger] CertificateRequest input) =>
        activities.RunAsync<IssueCertificateActivity, CertificateRequest, CertificateView>(ActivityNames.IssueCertificate, input);

    [Function(ActivityNames.RevokeCertificates)]
    public Task<bool> RevokeCertificates([ActivityTrigger] RevocationRequest input) =>
        activities.RunAsync<RevokeCertificatesActivity, RevocationRequest, bool>(ActivityNames.RevokeCertificates, input);

    [Function(ActivityNames.OpenEnforcementCase)]
    public Task<string> OpenEnforcementCase([ActivityTrigger] EnforcementRequest input) =>
        activities.RunAsync<OpenEnforcementCaseActivity, EnforcementRequest, string>(ActivityNames.OpenEnforcementCase, input);

    [Function(ActivityNames.RecordCredit)]
    public Task<bool> RecordCredit([ActivityTrigger] CreditOutcome input) =>
        activities.RunAsync<RecordCreditActivity, CreditOutcome, bool>(ActivityNames.RecordCredit, input);

    [Function(ActivityNames.ClaimPermitStage)]
    public Task<string> ClaimPermitStage([ActivityTrigger] StageClaimRequest input) =>
        activities.RunAsync<ClaimPermitStageActivity, StageClaimRequest, string>(ActivityNames.ClaimPermitStage, input);

    [Function(JointAcceptanceActivityNames.NotifyApplicant)]
    public Task<bool> NotifyApplicant([ActivityTrigger] Notification input) =>
        activities.RunAsync<NotifyActivity, Notification, bool>(JointAcceptanceActivityNames.NotifyApplicant, input);

    [Function(JointAcceptanceActivityNames.CountWorkingDaysUsed)]
    public Task<int> CountWorkingDaysUsed([ActivityTrigger] WorkingDaysUsedRequest input) =>
        activities.RunAsync<CountWorkingDaysUsedActivity, WorkingDaysUsedRequest, int>(JointAcceptanceActivityNames.CountWorkingDaysUsed, input);

    [Function(JointAcceptanceActivityNames.LookUpProjectCommitments)]
    public Task<IReadOnlyList<EarlierCommitment>> LookUpProjectCommitments([ActivityTrigger] string input) =>
        activities.RunAsync<LookUpProjectCommitmentsActivity, string, IReadOnlyList<EarlierCommitment>>(JointAcceptanceActivityNames.LookUpProjectCommitments, input);

    [Function(JointAcceptanceActivityNames.PushToArchives)]
    public Task<bool> PushToArchives([ActivityTrigger] CertificationPush input) =>
        activities.RunAsync<PushForCertificationActivity, CertificationPush, bool>(JointAcceptanceActivityNames.PushToArchives, input);

    [Function(JointAcceptanceActivityNames.PushToRegistration)]
    public Task<bool> PushToRegistration([ActivityTrigger] CertificationPush input) =>
        activities.RunAsync<PushForCertificationActivity, CertificationPush, bool>(JointAcceptanceActivityNames.PushToRegistration, input);

}
