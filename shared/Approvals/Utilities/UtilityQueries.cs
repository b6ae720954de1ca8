using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.Utilities;

/// <summary>
/// Read-side views over the utilities joint applications: a utility's open tracks, an applicant's cases, a project's
/// cases, and the supervisor's board of open cases with red tracks first. Everything comes from the published status.
/// </summary>
public sealed class UtilityQueries(DurableTaskClient client)
{
    /// <summary>Instance ids of utilities joint applications start with this.</summary>
    public const string IdPrefix = "UTL-";

    /// <summary>Cases where <paramref name="utility"/> has a step to do, the nearest deadline first.</summary>
    public async Task<IReadOnlyList<(UtilityStatusView Case, UtilityTrackView Track)>> ForUtilityAsync(string utility, CancellationToken cancellationToken = default)
    {
        var open = new List<(UtilityStatusView, UtilityTrackView)>();
        await foreach (var view in EveryAsync(false, cancellationToken))
        {
            var track = view.Tracks.FirstOrDefault(t => string.Equals(t.Utility, utility, StringComparison.OrdinalIgnoreCase));
            if (track is { Awaiting: not null }) open.Add((view, track));
        }
        return open.OrderBy(o => o.Item2.DueAt ?? DateTimeOffset.MaxValue).ToList();
    }

    public async Task<IReadOnlyList<UtilityStatusView>> ForApplicantAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var cases = new List<UtilityStatusView>();
        await foreach (var view in EveryAsync(true, cancellationToken))
        {
            if (string.Equals(view.Uscc, uscc, StringComparison.OrdinalIgnoreCase)) cases.Add(view);
        }
        return cases.OrderByDescending(c => c.SubmittedAt).ToList();
    }

    public async Task<IReadOnlyList<UtilityStatusView>> ForProjectAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        var cases = new List<UtilityStatusView>();
        await foreach (var view in EveryAsync(true, cancellationToken))
        {
            if (string.Equals(view.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase)) cases.Add(view);
        }
        return cases.OrderByDescending(c => c.SubmittedAt).ToList();
    }

    /// <summary>Every open case, those with the most red tracks first, then yellow.</summary>
    public async Task<IReadOnlyList<UtilityStatusView>> BoardAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<UtilityStatusView>();
        await foreach (var view in EveryAsync(false, cancellationToken)) open.Add(view);
        return open.OrderByDescending(c => c.Tracks.Count(t => t.Light == "red")).ThenByDescending(c => c.Tracks.Count(t => t.Light == "yellow"))
            .ThenBy(c => c.SubmittedAt).ToList();
    }

    private async IAsyncEnumerable<UtilityStatusView> EveryAsync(bool includeFinished,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in client.InstancesWithPrefixAsync(IdPrefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<UtilityStatusView>() is { } view && (includeFinished || view.Status != "connected")) yield return view;
        }
    }
}
