using Approvals.Activities;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>Registers the approval workflow's orchestrators and activities with the engine.</summary>
public static class ApprovalWorkflow
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<CommitmentApprovalOrchestrator>(CommitmentApprovalOrchestrator.Name)
        .AddActivity<WriteCommitmentLetterActivity>(ActivityNames.WriteCommitmentLetter)
        .AddActivity<NotifyActivity>(ActivityNames.SendReviewRequest)
        .AddActivity<NotifyActivity>(ActivityNames.Escalate)
        .AddActivity<ComputeDeadlineActivity>(ActivityNames.ComputeDeadline)
        .AddActivity<IssueCertificateActivity>(ActivityNames.IssueCertificate)
        .AddActivity<RevokeCertificatesActivity>(ActivityNames.RevokeCertificates)
        .AddActivity<OpenEnforcementCaseActivity>(ActivityNames.OpenEnforcementCase)
        .AddActivity<RecordCreditActivity>(ActivityNames.RecordCredit)
        .AddActivity<ClaimPermitStageActivity>(ActivityNames.ClaimPermitStage)
        .AddOrchestrator<JointAcceptanceOrchestrator>(JointAcceptanceOrchestrator.Name)
        .AddActivity<NotifyActivity>(JointAcceptanceActivityNames.NotifyApplicant)
        .AddActivity<CountWorkingDaysUsedActivity>(JointAcceptanceActivityNames.CountWorkingDaysUsed)
        .AddActivity<LookUpProjectCommitmentsActivity>(JointAcceptanceActivityNames.LookUpProjectCommitments)
        .AddActivity<PushForCertificationActivity>(JointAcceptanceActivityNames.PushToArchives)
        .AddActivity<PushForCertificationActivity>(JointAcceptanceActivityNames.PushToRegistration)
        // Call and respond reuses the notice and deadline activities above (SendReviewRequest, Escalate, NotifyApplicant, ComputeDeadline).
        .AddOrchestrator<CallOrchestrator>(CallOrchestrator.Name)
        // The utilities joint application reuses the same notice and deadline activities.
        .AddOrchestrator<UtilitiesOrchestrator>(UtilitiesOrchestrator.Name)
        .AddOrchestrator<DirectServiceOrchestrator>(DirectServiceOrchestrator.Name)
        .AddOrchestrator<LandToStartOrchestrator>(LandToStartOrchestrator.Name)
        // Business openings reuse the certificate, revocation, credit, notice and deadline activities above.
        .AddOrchestrator<BusinessOpeningOrchestrator>(BusinessOpeningOrchestrator.Name)
        .AddOrchestrator<StewardPlanOrchestrator>(StewardPlanOrchestrator.Name);
}
