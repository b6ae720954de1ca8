using Approvals.Applications;
using Approvals.Catalog;
using Microsoft.DurableTask.Client;

namespace Approvals.JointAcceptance;

/// <summary>
/// What departments, the applicant and the certifying authorities do to a running joint acceptance. Each command checks
/// the published status first (existence, procedure, ownership, step and task state), then raises the matching event
/// with an id that makes a repeated call change nothing.
/// </summary>
public sealed class JointAcceptanceCommands(DurableTaskClient client, ItemCatalog catalog, JointAcceptancePolicy policy, TimeProvider timeProvider)
{
    public const string Procedure = "joint-acceptance";

    /// <summary>The application's status when it is a joint acceptance; null otherwise.</summary>
    public async Task<ApplicationStatusView?> GetAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var instance = await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<ApplicationStatusView>() is { Procedure: Procedure } view ? view : null;
    }

    /// <summary>A department records its findings at the joint site inspection (once).</summary>
    public async Task<CommandResult> RecordFindingsAsync(string applicationId, string findings, string callerDepartment, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(findings)) return new(CommandOutcome.Invalid, "findings must not be empty");
        var view = await GetAsync(applicationId, cancellationToken);
        if (view?.SiteInspection is not { } site) return NotFound(applicationId);
        var department = site.Departments.FirstOrDefault(d => string.Equals(d, callerDepartment, StringComparison.OrdinalIgnoreCase));
        if (department is null) return new(CommandOutcome.Forbidden, $"{callerDepartment} does not take part in the joint site inspection of {applicationId}");
        if (site.Findings.Any(f => f.Department == department)) return new(CommandOutcome.Conflict, $"{department} has recorded its findings already");
        await client.RaiseEventAsync(applicationId, Signals.SiteFindings(department), new SiteFindings(department, findings.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{department} findings recorded");
    }

    /// <summary>A department's opinion on one of its items: pass, or fail with at least one rectification item.</summary>
    public async Task<CommandResult> GiveOpinionAsync(string applicationId, DepartmentAcceptanceOpinion opinion, string callerDepartment, CancellationToken cancellationToken = default)
    {
        if (opinion.Result is not ("pass" or "fail")) return new(CommandOutcome.Invalid, $"result must be pass or fail, not '{opinion.Result}'");
        if (opinion.Result == "fail" && opinion.Rectifications.All(string.IsNullOrWhiteSpace))
        {
            return new(CommandOutcome.Invalid, "a failed item needs at least one rectification item");
        }
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return NotFound(applicationId);
        var task = view.Tasks.FirstOrDefault(t => string.Equals(t.Item, opinion.Item, StringComparison.OrdinalIgnoreCase));
        if (task is null) return new(CommandOutcome.NotFound, $"joint acceptance {applicationId} has no item {opinion.Item}");
        if (!string.Equals(task.Department, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"item {task.Item} is inspected by {task.Department}, not {callerDepartment}");
        }
        if (task.State != "pending") return new(CommandOutcome.Conflict, $"{task.Department} already gave its opinion on {task.Item}: {task.State}");
        await client.RaiseEventAsync(applicationId, Signals.AcceptanceOpinion(task.Department, task.Item),
            opinion with { Department = task.Department, Item = task.Item, At = timeProvider.GetUtcNow() }, cancellation: cancellationToken);
        return CommandResult.Accepted($"{task.Department} {opinion.Result} {task.Item}");
    }

    /// <summary>The applicant reports the failed items rectified.</summary>
    public async Task<CommandResult> ReportRectifiedAsync(string applicationId, string? note, string callerUscc, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase)) return NotFound(applicationId);
        if (view.Status != "awaiting-rectification") return new(CommandOutcome.Conflict, $"joint acceptance {applicationId} is {view.Status}, not awaiting rectification");
        var round = view.Rectifications.Max(r => r.Round);
        await client.RaiseEventAsync(applicationId, Signals.Rectified, new RectificationReport(note, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted("rectification reported; the failed items will be inspected again");
    }

    /// <summary>
    /// The archives (<paramref name="step"/> archive-certificate) or real-estate registration (first-registration) answer
    /// with their certificate number. Only the department the push went to may answer.
    /// </summary>
    public async Task<CommandResult> AnswerCertificateAsync(string applicationId, string step, string number, string callerDepartment, CancellationToken cancellationToken = default)
    {
        var (signal, department) = step switch
        {
            AcceptanceSteps.ArchiveCertificate => (Signals.ArchiveCertificate, catalog.Item(policy.ArchiveItem).Department),
            AcceptanceSteps.FirstRegistration => (Signals.RegistrationCertificate, catalog.Item(policy.RegistrationItem).Department),
            _ => ("", ""),
        };
        if (signal.Length == 0) return new(CommandOutcome.Invalid, $"step must be {AcceptanceSteps.ArchiveCertificate} or {AcceptanceSteps.FirstRegistration}, not '{step}'");
        if (string.IsNullOrWhiteSpace(number)) return new(CommandOutcome.Invalid, "number must not be empty");
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return NotFound(applicationId);
        if (!string.Equals(department, callerDepartment, StringComparison.OrdinalIgnoreCase)) return new(CommandOutcome.Forbidden, $"{step} is answered by {department}, not {callerDepartment}");
        if (view.Steps.FirstOrDefault(s => s.Name == step) is not { State: "in-progress" })
        {
            return new(CommandOutcome.Conflict, $"joint acceptance {applicationId} is not waiting for {step}");
        }
        await client.RaiseEventAsync(applicationId, signal, new CertificateNumberAnswer(number.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{step}: {number.Trim()}");
    }

    /// <summary>Asks a blocked acceptance to look at the project's earlier commitments again now (e.g. right after one was verified).</summary>
    public async Task<CommandResult> RecheckCommitmentsAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return NotFound(applicationId);
        if (view.Status != "blocked") return new(CommandOutcome.Conflict, $"joint acceptance {applicationId} is {view.Status}, not blocked");
        await client.RaiseEventAsync(applicationId, Signals.CommitmentsRecheck, cancellation: cancellationToken);
        return CommandResult.Accepted("earlier commitments will be looked at again");
    }

    /// <summary>
    /// The verifying department's result of the full verification (全面核验) of an earlier commitment the sampling left
    /// unchecked: pass, fail (broken) or false (虚假承诺).
    /// </summary>
    public async Task<CommandResult> VerifyEarlierCommitmentAsync(string applicationId, InspectionResult result, string callerDepartment, CancellationToken cancellationToken = default)
    {
        if (result.Result is not ("pass" or "fail" or "false")) return new(CommandOutcome.Invalid, $"result must be pass, fail or false, not '{result.Result}'");
        var view = await GetAsync(applicationId, cancellationToken);
        if (view is null) return NotFound(applicationId);
        var commitment = view.JointAcceptance?.EarlierCommitments.FirstOrDefault(c => c.CommitmentId == result.CommitmentId);
        if (commitment is null) return new(CommandOutcome.NotFound, $"joint acceptance {applicationId} has no earlier commitment {result.CommitmentId}");
        if (!commitment.NeedsFullVerification || view.Status != "blocked")
        {
            return new(CommandOutcome.Conflict, $"commitment {commitment.CommitmentId} is {commitment.Status}; nothing to verify here now");
        }
        if (commitment.VerifyingDepartment is { } department && !string.Equals(department, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"commitment {commitment.CommitmentId} is verified by {department}, not {callerDepartment}");
        }
        await client.RaiseEventAsync(applicationId, Signals.Inspection(commitment.CommitmentId),
            result with { Department = callerDepartment.ToUpperInvariant(), At = timeProvider.GetUtcNow() }, cancellation: cancellationToken);
        return CommandResult.Accepted($"{callerDepartment} recorded {result.Result} for {commitment.CommitmentId}");
    }

    private static CommandResult NotFound(string applicationId) => new(CommandOutcome.NotFound, $"joint acceptance {applicationId} does not exist");
}
