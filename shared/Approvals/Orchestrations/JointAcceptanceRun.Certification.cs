using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Orchestrations;

internal sealed partial class JointAcceptanceRun
{
    /// <summary>
    /// Closing the loop (闭环): every commitment of the project from earlier approvals must be verified before acceptance
    /// passes; one the sampling left unchecked is verified here in full (全面核验, Jinan 2021). A broken or false one
    /// fails the acceptance; an open one blocks it with the reason recorded, and it is
    /// looked at again on a timer or when signalled. The clock stops only while one still waits on the applicant
    /// (measure 15). True when acceptance may pass.
    /// </summary>
    private async Task<bool> CloseTheLoopAsync(int round)
    {
        var blocked = false;
        var stopped = false;
        while (true)
        {
            var found = await context.CallActivityAsync<IReadOnlyList<EarlierCommitment>>(JointAcceptanceActivityNames.LookUpProjectCommitments, plan.ProjectCode, Retry);
            earlierCommitments = found.Select(c => verifiedHere.TryGetValue(c.CommitmentId, out var s) ? c with { Status = s } : c).ToList();
            await RequestFullVerificationAsync();
            var broken = earlierCommitments.Where(c => c.IsBroken).ToList();
            if (broken.Count > 0)
            {
                reason = "earlier commitment(s) " + string.Join("; ", broken.Select(c => $"{c.CommitmentId} ({c.MaterialCode}) of {c.ApplicationId} {(c.Status == "false" ? "found false" : "broken")}")) +
                    ": acceptance fails";
                IssueOpinion("fail", round, reason);
                return false;
            }
            var open = earlierCommitments.Where(c => c.IsOpen || c.NeedsFullVerification).ToList();
            if (open.Count == 0)
            {
                if (blocked)
                {
                    reason = null;
                    status = "under-review";
                    Record("every earlier commitment is verified");
                    if (stopped) await RestartClockAsync();
                }
                else if (earlierCommitments.Count > 0)
                {
                    Record($"every earlier commitment of project {plan.ProjectCode} is verified ({earlierCommitments.Count})");
                }
                return true;
            }

            // Measure 15: only waiting on the applicant (a commitment still to supply) stops the clock; a department
            // checking what the applicant supplied is the administration's time.
            var waitingOnApplicant = open.Any(c => c.AwaitsApplicant);
            if (waitingOnApplicant && !stopped)
            {
                stopped = true;
                pauses.Add(new PauseView(Now, null, "awaiting-commitment-verification"));
                if (blocked) Record("an earlier commitment waits on the applicant again; clock stopped");
            }
            else if (!waitingOnApplicant && stopped)
            {
                stopped = false;
                Record("the applicant has supplied every earlier commitment; the departments check them with the clock running");
                await RestartClockAsync();
            }
            if (!blocked)
            {
                blocked = true;
                reason = "blocked until earlier commitment(s) are verified: " + string.Join("; ", open.Select(c =>
                    $"{c.CommitmentId} ({c.MaterialCode}) of {c.ApplicationId} is {c.Status}{(c.DueAt is { } due ? $", due {Local(due):yyyy-MM-dd}" : "")}"));
                status = "blocked";
                IssueOpinion("blocked", round, reason);
            }
            else
            {
                Publish();
            }

            using var cancel = new CancellationTokenSource();
            var nudge = context.WaitForExternalEvent<string?>(Signals.CommitmentsRecheck, cancel.Token);
            var recheck = context.CreateTimer(Now.AddHours(plan.CommitmentRecheckHours).UtcDateTime, cancel.Token);
            await Task.WhenAny(fullChecks.Values.Where(t => !t.IsCompleted).Cast<Task>().Append(nudge).Append(recheck));
            cancel.Cancel();
            await ConcludeFullVerificationsAsync();
        }
    }

    /// <summary>
    /// Full verification (全面核验, Jinan 2021 (三)): every earlier commitment the sampling left unchecked is sent to its
    /// department, which answers with an inspection result on this acceptance; once per commitment.
    /// </summary>
    private async Task RequestFullVerificationAsync()
    {
        foreach (var c in earlierCommitments.Where(c => c.NeedsFullVerification && !fullChecks.ContainsKey(c.CommitmentId)))
        {
            var department = c.VerifyingDepartment ?? plan.Inspections.FirstOrDefault(i => c.Items.Contains(i.Item))?.Department ?? "HUD";
            fullChecks[c.CommitmentId] = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(c.CommitmentId));
            await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.ApplicationId, department, "full-verification-request",
                $"联合验收全面核验 / verify at joint acceptance: commitment {c.CommitmentId} ({c.MaterialCode}) of {c.ApplicationId}, not sampled in its window",
                $"{plan.ApplicationId}/{c.CommitmentId}/full-verification"), Retry);
            Record($"commitment {c.CommitmentId} ({c.MaterialCode}) of {c.ApplicationId} was not sampled: {department} to verify it in full (全面核验)");
        }
    }

    /// <summary>
    /// Records each full-verification result that came in: pass verifies the commitment; fail or false is enforced like
    /// any broken or false commitment (the earlier approval's certificates that rest on it revoked, an enforcement case,
    /// credit records) and fails the acceptance on the next look.
    /// </summary>
    private async Task ConcludeFullVerificationsAsync()
    {
        foreach (var (id, check) in fullChecks.Where(f => f.Value.IsCompleted && !verifiedHere.ContainsKey(f.Key)).ToList())
        {
            var result = check.Result;
            var commitment = earlierCommitments.Single(c => c.CommitmentId == id);
            var outcome = result.Result switch { "pass" => "fulfilled", "false" => "false", _ => "broken" };
            verifiedHere[id] = outcome;
            Record($"{result.Department} verified {id} in full: {result.Result}{(result.Findings is { Length: > 0 } f ? $" ({f})" : "")}");
            var reference = $"{commitment.ApplicationId}/{id}";
            var findings = result.Findings ?? "failed full verification";
            var revoked = outcome == "fulfilled" ? [] : commitment.DependentCertificates;
            if (revoked.Count > 0)
            {
                await context.CallActivityAsync<bool>(ActivityNames.RevokeCertificates, new RevocationRequest(commitment.ApplicationId, revoked, findings, Now), Retry);
                Record($"revoked (earlier approval {commitment.ApplicationId}): {string.Join(", ", revoked)}");
            }
            if (outcome != "fulfilled")
            {
                await context.CallActivityAsync<string>(ActivityNames.OpenEnforcementCase,
                    new EnforcementRequest(commitment.ApplicationId, plan.Uscc, id, outcome, findings, Now), Retry);
            }
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit, new CreditOutcome(plan.Uscc,
                outcome switch { "fulfilled" => "fulfilled", "false" => "false-commitment", _ => "broken" }, reference, $"{commitment.MaterialCode}: {result.Findings}", Now), Retry);
            if (revoked.Count > 0)
            {
                await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                    new CreditOutcome(plan.Uscc, "revocation", reference + "/revocation", string.Join(", ", revoked), Now), Retry);
            }
        }
    }

    /// <summary>Ends the running clock stop and moves every remaining deadline by the time the clock stood still.</summary>
    private async Task RestartClockAsync()
    {
        pauses[^1] = pauses[^1] with { To = Now };
        await ShiftDeadlinesAsync();
    }

    /// <summary>Accepted means certified: the acceptance certificate (竣工联合验收意见书), naming the unit when one is accepted on its own.</summary>
    private async Task IssueAcceptanceCertificateAsync()
    {
        var name = "竣工联合验收意见书 Joint completion acceptance" + (plan.UnitName is { } unit ? $" — 单位工程 unit: {unit}" : "");
        var certificate = await context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate,
            new CertificateRequest(plan.ApplicationId, AcceptanceCertificateItem, name, plan.Uscc, plan.ApplicantName, plan.ProjectCode, plan.ProjectName, Now), Retry);
        certificates.Add(certificate);
        Record($"acceptance certificate {certificate.Number} issued{UnitSuffix}");
        Publish();
    }

    /// <summary>Step 5: the opinion goes to the archives, which answer with the archive certificate number before the step's deadline.</summary>
    private async Task ArchiveCertificateAsync()
    {
        if (plan.ArchiveItem is null) return;
        var answer = await CertifyAsync(AcceptanceSteps.ArchiveCertificate, JointAcceptanceActivityNames.PushToArchives, plan.ArchiveDepartment, Signals.ArchiveCertificate);
        archiveNumber = answer.Number;
        Record($"archive certificate {answer.Number} received");
        CompleteStep(AcceptanceSteps.ArchiveCertificate);
    }

    /// <summary>Step 6: acceptance opinion and survey results go to real-estate registration (验登合一), which answers with the registration certificate number.</summary>
    private async Task FirstRegistrationAsync()
    {
        if (plan.RegistrationItem is null) return;
        var answer = await CertifyAsync(AcceptanceSteps.FirstRegistration, JointAcceptanceActivityNames.PushToRegistration, plan.RegistrationDepartment, Signals.RegistrationCertificate);
        registrationNumber = answer.Number;
        Record($"first registration done: certificate {answer.Number}");
        CompleteStep(AcceptanceSteps.FirstRegistration);
    }

    private async Task<CertificateNumberAnswer> CertifyAsync(string step, string pushActivity, string recipient, string signal)
    {
        StartStep(step, acceptanceOpinion?.Round ?? 1);
        await context.CallActivityAsync<bool>(pushActivity, new CertificationPush(plan.ApplicationId, recipient, plan.ProjectCode, plan.ProjectName, plan.UnitName,
            certificates[^1].Number, acceptanceOpinion!, plan.SurveyResultsMaterialId, Now), Retry);
        Record($"acceptance opinion{(plan.SurveyResultsMaterialId is null ? "" : " and survey results")} pushed to {recipient}");
        Publish();
        return await AwaitWithLightsAsync(context.WaitForExternalEvent<CertificateNumberAnswer>(signal), step,
            light => TurnStepAsync(step, light, $"{recipient} to answer"));
    }
}
