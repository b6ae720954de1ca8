using Approvals.Applications;

namespace Approvals.Orchestrations;

internal sealed partial class ApprovalRun
{
    /// <summary>Duplicates and refusals kept in the custom status besides every accepted decision (it stays small).</summary>
    private const int KeptRefusals = 10;

    private readonly List<DecisionAnswer> answers = [];

    /// <summary>
    /// The first new decision of a task's round. A repeat of a decision already taken elsewhere under the same message id
    /// is answered (duplicate or conflicting duplicate) and the wait goes on.
    /// </summary>
    private async Task<DepartmentDecision> FirstDecisionAsync(PlannedTask task, int round)
    {
        while (true)
        {
            var decision = await context.WaitForExternalEvent<DepartmentDecision>(Signals.Decision(task.Department, task.Item, round));
            if (Repeat(decision) is not { } repeat) return decision;
            Answer(decision, round, repeat.Outcome, repeat.Reason);
            Publish();
        }
    }

    /// <summary>
    /// After a task's round is decided, every further decision for it is answered from this state: the same message
    /// again is a duplicate, any other is refused (the first decision stands). Runs for the orchestration's life.
    /// </summary>
    private async Task RefuseLaterDecisionsAsync(PlannedTask task, int round, string state)
    {
        while (true)
        {
            var decision = await context.WaitForExternalEvent<DepartmentDecision>(Signals.Decision(task.Department, task.Item, round));
            var (outcome, reason) = Repeat(decision) ?? (DecisionAnswer.Refused, ApplicationCommands.AlreadyDecided(task.Department, task.Item, round, state));
            Answer(decision, round, outcome, reason);
            Publish();
        }
    }

    /// <summary>The answer to a message id this department's decisions already used, or null for a new message.</summary>
    private (string Outcome, string Reason)? Repeat(DepartmentDecision decision)
    {
        var earlier = answers.LastOrDefault(a => a.Outcome == DecisionAnswer.Accepted && a.MessageId == (decision.MessageId ?? "")
            && string.Equals(a.Department, decision.Department, StringComparison.OrdinalIgnoreCase));
        if (earlier is null) return null;
        return earlier.Fingerprint == DecisionIdentity.Fingerprint(decision) && string.Equals(earlier.Item, decision.Item, StringComparison.OrdinalIgnoreCase)
            ? (DecisionAnswer.Duplicate, $"message {earlier.MessageId} was applied before")
            : (DecisionAnswer.Refused, ApplicationCommands.ConflictingDuplicate(earlier.MessageId));
    }

    private void Answer(DepartmentDecision decision, int round, string outcome, string reason)
    {
        answers.Add(new DecisionAnswer(decision.MessageId ?? "", decision.Department, decision.Item, round, outcome, reason, DecisionIdentity.Fingerprint(decision)));
        var others = answers.Where(a => a.Outcome != DecisionAnswer.Accepted).ToList();
        if (others.Count > KeptRefusals) answers.Remove(others[0]);
    }
}
