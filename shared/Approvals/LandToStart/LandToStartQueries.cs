using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.LandToStart;

/// <summary>Read-side views over the land-to-start cases, from their published status.</summary>
public sealed class LandToStartQueries(DurableTaskClient client)
{
    /// <summary>Instance ids of land-to-start cases start with this.</summary>
    public const string IdPrefix = "LTS-";

    public async Task<IReadOnlyList<LandToStartStatusView>> ForApplicantAsync(string uscc, CancellationToken cancellationToken = default) =>
        (await EveryAsync(true, cancellationToken)).Where(c => string.Equals(c.Uscc, uscc, StringComparison.OrdinalIgnoreCase)).OrderByDescending(c => c.AppliedAt).ToList();

    public async Task<IReadOnlyList<LandToStartStatusView>> ForProjectAsync(string projectCode, CancellationToken cancellationToken = default) =>
        (await EveryAsync(true, cancellationToken)).Where(c => string.Equals(c.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Open cases where <paramref name="department"/> owes a step or an opinion.</summary>
    public async Task<IReadOnlyList<LandToStartStatusView>> ForDepartmentAsync(string department, CancellationToken cancellationToken = default) =>
        (await EveryAsync(false, cancellationToken)).Where(c =>
            c.Steps.Any(s => s.State == "open" && Same(s.Department, department))
            || c.Documents.Any(d => d.State is "awaiting-simulation" or "simulated-fail" or "re-review" && Same(d.Department, department))).ToList();

    /// <summary>Every open case, those with red steps or documents first.</summary>
    public async Task<IReadOnlyList<LandToStartStatusView>> BoardAsync(CancellationToken cancellationToken = default) =>
        (await EveryAsync(false, cancellationToken))
            .OrderByDescending(c => c.Steps.Count(s => s.Light == "red") + c.Documents.Count(d => d.Light == "red")).ThenBy(c => c.AppliedAt).ToList();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private async Task<List<LandToStartStatusView>> EveryAsync(bool includeDone, CancellationToken cancellationToken)
    {
        var cases = new List<LandToStartStatusView>();
        await foreach (var instance in client.InstancesWithPrefixAsync(IdPrefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<LandToStartStatusView>() is { } view && (includeDone || view.Status != "four-issued")) cases.Add(view);
        }
        return cases;
    }
}
