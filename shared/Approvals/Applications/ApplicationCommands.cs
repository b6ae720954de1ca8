using Approvals.Stores;
using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// What departments and applicants do to a running application. Each command checks the application's published
/// status first (existence, ownership, state), then raises the matching event on its orchestration.
/// </summary>
public sealed class ApplicationCommands(DurableTaskClient client, IKeyedRecords records, IMaterialStore materials, TimeProvider timeProvider, TimeSpan? answerWait = null)
{
    public const string ProcessedMessagesScope = "department-messages";

    /// <summary>Reads an application's status view; null when it does not exist.</summary>
    public async Task<ApplicationStatusView?> GetAsync(string applicationId, CancellationToken cancellationToken = default) =>
        ViewOf(await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken));

    private static ApplicationStatusView? ViewOf(OrchestrationMetadata? instance)
    {
        if (instance is null) return null;
        // Between scheduling and the first episode there is no published status yet: show the accepted plan.
        return instance.ReadCustomStatusAs<ApplicationStatusView>()
            ?? (instance.Name == Orchestrations.CommitmentApprovalOrchestrator.Name && instance.ReadInputAs<ApplicationPlan>() is { } plan ? Submitted(plan)
                : instance.Name == Orchestrations.JointAcceptanceOrchestrator.Name && instance.ReadInputAs<JointAcceptance.JointAcceptancePlan>() is { } joint ? Submitted(joint)
                : null);
    }

    /// <summary>
    /// A department's decision (from the portal or the department-responses queue). The first decision on a task's
    /// round stands; the same message id twice changes nothing. The answer comes from the orchestration itself: the
    /// decision is raised, then the command waits (bounded) until the orchestration has accepted or refused it, so a
    /// second decision is refused even while the published status still shows the task pending (issue 14, defect 2).
    /// </summary>
    public async Task<CommandResult> DecideAsync(string applicationId, DepartmentDecision decision, string callerDepartment, CancellationToken cancellationToken = default, int? round = null)
    {
        if (decision.Decision is not ("approve" or "reject" or "corrections"))
        {
            return new(CommandOutcome.Invalid, $"decision must be approve, reject or corrections, not '{decision.Decision}'");
        }
        if (!string.Equals(decision.Department, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"{callerDepartment} cannot decide for {decision.Department}");
        }
        // Message ids are the department's: the same id on another application or from another department is another message
        // (issue 14, defect 3); the same id with other content is a conflicting duplicate, never silently dropped.
        if (decision.MessageId is { Length: > 0 } given
            && await records.GetAsync(ProcessedMessagesScope, ProcessedKey(applicationId, decision.Department, given), cancellationToken) is { } fingerprint)
        {
            return fingerprint == DecisionIdentity.Fingerprint(decision)
                ? new(CommandOutcome.Duplicate, $"message {given} was applied before")
                : new(CommandOutcome.Conflict, ConflictingDuplicate(given));
        }
        var instance = await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken);
        var view = ViewOf(instance);
        if (instance is null || view is null) return new(CommandOutcome.NotFound, $"application {applicationId} does not exist");
        if (view.Procedure == JointAcceptance.JointAcceptanceCommands.Procedure)
        {
            return new(CommandOutcome.Invalid, $"{applicationId} is a joint acceptance: departments answer with acceptance opinions (POST /api/departments/{{dept}}/acceptance-opinions), not decisions");
        }
        if (DecisionBounds.Problems(decision, view.AcceptedAt, timeProvider.GetUtcNow()) is { Count: > 0 } bounds)
        {
            return new(CommandOutcome.Invalid, string.Join("; ", bounds));
        }
        var task = view.Tasks.LastOrDefault(t => string.Equals(t.Item, decision.Item, StringComparison.OrdinalIgnoreCase));
        if (task is null) return new(CommandOutcome.NotFound, $"application {applicationId} has no review task for item {decision.Item}");
        if (!string.Equals(task.Department, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"item {decision.Item} is reviewed by {task.Department}, not {callerDepartment}");
        }

        var sent = decision with { Department = task.Department, Item = task.Item };
        // round: the review round the department decided, when it says so (the task's round in the status).
        if (RoundProblem(view, task, sent, round) is { } roundProblem) return new(CommandOutcome.Conflict, roundProblem);
        sent = sent with { MessageId = sent.MessageId is { Length: > 0 } id ? id : DecisionIdentity.DerivedMessageId(applicationId, sent, task.Round) };
        var known = view.DecisionAnswers.LastOrDefault(a => a.MessageId == sent.MessageId && string.Equals(a.Department, sent.Department, StringComparison.OrdinalIgnoreCase));
        if (known is not null && known.Outcome != DecisionAnswer.Refused)
        {
            return known.Fingerprint == DecisionIdentity.Fingerprint(sent) && known.Item == sent.Item
                ? await RememberedAsync(sent, applicationId, CommandOutcome.Duplicate, $"message {sent.MessageId} was applied before", cancellationToken)
                : new(CommandOutcome.Conflict, ConflictingDuplicate(sent.MessageId!));
        }
        // A decided task in the published status is final; a pending one may be stale, so the orchestration answers.
        if (task.State != "pending") return new(CommandOutcome.Conflict, AlreadyDecided(task.Department, task.Item, task.Round, task.State));
        if (instance.IsCompleted) return new(CommandOutcome.Conflict, $"申请已办结 / application {applicationId} is {view.Status}; it takes no decision");

        // Raise, then wait for the answer, then remember the message id: a crash anywhere leaves a repeat that the
        // orchestration answers "duplicate" (defect 1). The round in the event's name keeps it out of later rounds.
        await client.RaiseEventAsync(applicationId, Signals.Decision(task.Department, task.Item, task.Round), sent, cancellation: cancellationToken);
        var answer = await DecisionAnswerWait.WaitAsync(client, applicationId, sent, task.Round, answerWait ?? DefaultAnswerWait, cancellationToken);
        return answer?.Outcome switch
        {
            null => new(CommandOutcome.Unavailable,
                $"审批流程暂未答复，请用同一 messageId 重试 / the application did not answer within {(answerWait ?? DefaultAnswerWait).TotalSeconds:0} s; sending the same decision again is safe"),
            DecisionAnswer.Accepted => await RememberedAsync(sent, applicationId, CommandOutcome.Accepted, $"{task.Department} {decision.Decision} {task.Item}", cancellationToken),
            DecisionAnswer.Duplicate => await RememberedAsync(sent, applicationId, CommandOutcome.Duplicate, answer.Reason, cancellationToken),
            _ => new(CommandOutcome.Conflict, answer.Reason),
        };
    }

    /// <summary>
    /// A decision that names a round that is over, or that comes without a message id or round and repeats word for
    /// word what the department decided in an earlier round (a client retrying after the applicant resubmitted), is
    /// refused: applied to the current round it would decide corrected materials no one reviewed.
    /// </summary>
    private static string? RoundProblem(ApplicationStatusView view, TaskView task, DepartmentDecision sent, int? round)
    {
        if (round is { } named)
        {
            return named == task.Round ? null
                : $"第 {named} 轮审查已结束，当前为第 {task.Round} 轮 / round {named} of {task.Item} is over; the task is in round {task.Round}: review the corrected materials and decide round {task.Round}";
        }
        if (sent.MessageId is { Length: > 0 } || task.Round == 1) return null;
        var fingerprint = DecisionIdentity.Fingerprint(sent);
        var earlier = view.DecisionAnswers.LastOrDefault(a => a.Outcome == DecisionAnswer.Accepted && a.Round < task.Round && a.Fingerprint == fingerprint
            && string.Equals(a.Department, task.Department, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Item, task.Item, StringComparison.OrdinalIgnoreCase));
        return earlier is null ? null
            : $"与第 {earlier.Round} 轮的决定完全相同，可能是重试；如确为第 {task.Round} 轮的决定，请注明 round 或 messageId / identical to the round {earlier.Round} decision, so it may be a retry of it; to decide round {task.Round}, send \"round\": {task.Round} or a messageId";
    }

    /// <summary>How long a decision waits for the orchestration's answer unless the constructor says otherwise.</summary>
    public static readonly TimeSpan DefaultAnswerWait = TimeSpan.FromSeconds(20);

    internal static string AlreadyDecided(string department, string item, int round, string state) =>
        $"该事项已有决定，以首次决定为准 / {department} already decided {item} in round {round}: {state} (the first decision stands)";

    internal static string ConflictingDuplicate(string messageId) =>
        $"消息编号重复但内容不同 / conflicting duplicate: message {messageId} was applied before with other content";

    private async Task<CommandResult> RememberedAsync(DepartmentDecision sent, string applicationId, CommandOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        await records.TryAddAsync(ProcessedMessagesScope, ProcessedKey(applicationId, sent.Department, sent.MessageId!), DecisionIdentity.Fingerprint(sent), cancellationToken);
        return new(outcome, detail);
    }

    /// <summary>A processed decision is remembered per application, department and message id, with its content's fingerprint.</summary>
    private static string ProcessedKey(string applicationId, string department, string messageId) =>
        $"{applicationId}|{department.ToUpperInvariant()}|{messageId}";

    /// <summary>A verifying department's result for a commitment: pass, fail (broken) or false (虚假承诺).</summary>
    public async Task<CommandResult> InspectAsync(string applicationId, InspectionResult result, string callerDepartment, CancellationToken cancellationToken = default)
    {
        if (result.Result is not ("pass" or "fail" or "false"))
        {
            return new(CommandOutcome.Invalid, $"result must be pass, fail or false, not '{result.Result}'");
        }
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return new(CommandOutcome.NotFound, $"application {applicationId} does not exist");
        var commitment = view.Commitments.FirstOrDefault(c => c.Id == result.CommitmentId);
        if (commitment is null) return new(CommandOutcome.NotFound, $"application {applicationId} has no commitment {result.CommitmentId}");
        if (!string.Equals(commitment.VerifyingDepartment, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"commitment {commitment.Id} is verified by {commitment.VerifyingDepartment}, not {callerDepartment}");
        }
        if (commitment.Status is not ("open" or "supplied") || !Verifying(view))
        {
            return new(CommandOutcome.Conflict, $"commitment {commitment.Id} is {commitment.Status}; nothing to inspect now");
        }
        if (commitment.Class == "supplement" && commitment.Status == "open" && (commitment.Gap || result.Result != "false"))
        {
            // Issue 14, defect 4: before its material arrives a supplement can only be found false; never 202 and nothing.
            return new(CommandOutcome.Conflict, commitment.Gap
                ? $"容缺材料尚未补齐，无可核查 / the gap material {commitment.MaterialCode} of {commitment.Id} has not been supplied; nothing to inspect yet"
                : $"材料尚未补齐，仅可认定虚假承诺 / {commitment.MaterialCode} of {commitment.Id} has not been supplied yet: only a false finding can be recorded before it is");
        }
        await client.RaiseEventAsync(applicationId, Signals.Inspection(commitment.Id),
            result with { Department = commitment.VerifyingDepartment, At = timeProvider.GetUtcNow() }, cancellation: cancellationToken);
        return CommandResult.Accepted($"{callerDepartment} recorded {result.Result} for {commitment.Id}");
    }

    /// <summary>
    /// A complaint (投诉举报) about a commitment still in its verification window: every complaint is checked, so the
    /// verifying department is asked to inspect it even when the sampling left it out.
    /// </summary>
    public async Task<CommandResult> ComplainAsync(string applicationId, string commitmentId, string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(CommandOutcome.Invalid, "投诉内容不能为空 / the complaint needs a text");
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return new(CommandOutcome.NotFound, $"application {applicationId} does not exist");
        var commitment = view.Commitments.FirstOrDefault(c => c.Id == commitmentId);
        if (commitment is null) return new(CommandOutcome.NotFound, $"application {applicationId} has no commitment {commitmentId}");
        if (commitment.Status is not ("open" or "supplied") || !Verifying(view))
        {
            return new(CommandOutcome.Conflict, $"commitment {commitment.Id} is {commitment.Status}; its verification window is over");
        }
        await client.RaiseEventAsync(applicationId, Signals.Complaint(commitment.Id), new Complaint(commitment.Id, text, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"complaint about {commitment.Id} sent to {commitment.VerifyingDepartment}");
    }

    /// <summary>The applicant supplies a material it committed to supply (补齐材料).</summary>
    public async Task<CommandResult> SupplyMaterialAsync(string applicationId, SuppliedMaterial supplied, string callerUscc, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.NotFound, $"application {applicationId} does not exist");
        }
        if (!await materials.IsOwnedByAsync(supplied.MaterialId, callerUscc, cancellationToken))
        {
            return new(CommandOutcome.Invalid, $"material {supplied.MaterialId} was not uploaded by {callerUscc}");
        }
        var commitment = view.Commitments.FirstOrDefault(c => c.Class == "supplement" && string.Equals(c.MaterialCode, supplied.MaterialCode, StringComparison.OrdinalIgnoreCase));
        if (commitment is null) return new(CommandOutcome.NotFound, $"application {applicationId} has no supplement commitment for {supplied.MaterialCode}");
        // A gap (容缺) is supplied while the review runs; the decision waits for it.
        if (commitment.Status != "open" || !Verifying(view) && !(commitment.Gap && view.Status is "under-review" or "awaiting-corrections" or "approved"))
        {
            return new(CommandOutcome.Conflict, $"the commitment for {supplied.MaterialCode} is {commitment.Status}; it cannot take a material now");
        }
        await client.RaiseEventAsync(applicationId, Signals.MaterialSupplied(commitment.MaterialCode), supplied with { MaterialCode = commitment.MaterialCode }, cancellation: cancellationToken);
        return CommandResult.Accepted($"{commitment.MaterialCode} supplied");
    }

    /// <summary>Commitments are being verified: after approval, or after a joint acceptance passed (while certifying too).</summary>
    private static bool Verifying(ApplicationStatusView view) => view.Status is "verifying" || view.Status is "certifying" && view.Procedure == "joint-acceptance";

    /// <summary>The applicant answers the one-time notice with every correction at once.</summary>
    public async Task<CommandResult> ResubmitAsync(string applicationId, Resubmission resubmission, string callerUscc, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.NotFound, $"application {applicationId} does not exist");
        }
        if (view.Status != "awaiting-corrections") return new(CommandOutcome.Conflict, $"application {applicationId} is {view.Status}, not awaiting corrections");
        foreach (var m in resubmission.Materials)
        {
            if (!await materials.IsOwnedByAsync(m.MaterialId, callerUscc, cancellationToken))
            {
                return new(CommandOutcome.Invalid, $"material {m.MaterialId} ({m.MaterialCode}) was not uploaded by {callerUscc}");
            }
        }
        await client.RaiseEventAsync(applicationId, Signals.Resubmission, resubmission with { At = timeProvider.GetUtcNow() }, cancellation: cancellationToken);
        return CommandResult.Accepted("corrections resubmitted");
    }

    private static ApplicationStatusView Submitted(JointAcceptance.JointAcceptancePlan plan) => new()
    {
        ApplicationId = plan.ApplicationId,
        Procedure = JointAcceptance.JointAcceptanceCommands.Procedure,
        Status = "submitted",
        RiskLevel = plan.RiskLevel,
        Uscc = plan.Uscc,
        ProjectCode = plan.ProjectCode,
        AcceptedAt = plan.AcceptedAt,
        Timeline = [new TimelineEntry(plan.AcceptedAt, "joint acceptance accepted")],
    };

    private static ApplicationStatusView Submitted(ApplicationPlan plan) => new()
    {
        ApplicationId = plan.ApplicationId,
        Procedure = plan.Procedure,
        Status = "submitted",
        RiskLevel = plan.RiskLevel,
        Uscc = plan.Uscc,
        ProjectCode = plan.ProjectCode,
        AcceptedAt = plan.AcceptedAt,
        Tasks = plan.Tasks.Select(t => new TaskView(t.Department, t.Item, "pending", t.DueAt, "green", null, t.Provisional)).ToList(),
        Timeline = [new TimelineEntry(plan.AcceptedAt, "application accepted")],
        Stage = plan.Stage,
    };
}
