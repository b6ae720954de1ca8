using Approvals.Applications;
using Approvals.JointAcceptance;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Activities;

/// <summary>
/// The project's commitments from earlier approvals and their current states, for closing the loop at joint acceptance.
/// Uses the registered <see cref="IProjectCommitmentLookup"/>, or by default the engine's instances
/// (<see cref="EngineProjectCommitmentLookup"/> over the host's <see cref="DurableTaskClient"/>), so a host needs no extra wiring.
/// </summary>
public sealed class LookUpProjectCommitmentsActivity(IServiceProvider services) : TaskActivity<string, IReadOnlyList<EarlierCommitment>>
{
    public override Task<IReadOnlyList<EarlierCommitment>> RunAsync(TaskActivityContext context, string projectCode)
    {
        var lookup = services.GetService<IProjectCommitmentLookup>()
            ?? new EngineProjectCommitmentLookup(new ProjectApplications(services.GetRequiredService<Stores.IKeyedRecords>(), services.GetRequiredService<DurableTaskClient>()));
        return lookup.FindAsync(projectCode, CancellationToken.None);
    }
}
