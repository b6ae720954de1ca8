using Approvals.JointAcceptance;
using DurableTasks.Abstractions;

namespace Approvals.Activities;

/// <summary>The project's commitments from earlier approvals and their current states, for closing the loop at joint acceptance.</summary>
public sealed class LookUpProjectCommitmentsActivity(IProjectCommitmentLookup lookup) : TaskActivity<string, IReadOnlyList<EarlierCommitment>>
{
    public override Task<IReadOnlyList<EarlierCommitment>> RunAsync(TaskActivityContext context, string projectCode) =>
        lookup.FindAsync(projectCode, context.CancellationToken);
}
