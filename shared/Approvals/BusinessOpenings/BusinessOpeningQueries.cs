using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.BusinessOpenings;

/// <summary>
/// Read-side views over the business openings: a founder's cases, the supervisor's open cases with their post-check
/// lights, and every case for the monthly report. Everything comes from the orchestrations' published status.
/// </summary>
public sealed class BusinessOpeningQueries(DurableTaskClient client)
{
    /// <summary>Instance ids of business openings (application numbers) start with this.</summary>
    public const string IdPrefix = "BO-";

    /// <summary>A founder's cases, the newest first.</summary>
    public async Task<IReadOnlyList<BusinessOpeningStatusView>> ForFounderAsync(string founder, CancellationToken cancellationToken = default)
    {
        var cases = new List<BusinessOpeningStatusView>();
        await foreach (var view in EveryAsync(true, cancellationToken))
        {
            if (string.Equals(view.Founder, founder, StringComparison.Ordinal)) cases.Add(view);
        }
        return cases.OrderByDescending(c => c.SubmittedAt).ToList();
    }

    /// <summary>Every open case (a post-check still due), red first, then the nearest due date.</summary>
    public async Task<IReadOnlyList<BusinessOpeningStatusView>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<BusinessOpeningStatusView>();
        await foreach (var view in EveryAsync(false, cancellationToken)) open.Add(view);
        return open.OrderBy(c => Rank(c.Light))
            .ThenBy(c => c.Items.Where(i => i.PostCheckStatus == "due").Select(i => i.DueAt).Min() ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal).ToList();
    }

    private static int Rank(string? light) => light switch { "red" => 0, "yellow" => 1, "green" => 2, _ => 3 };

    /// <summary>Every case, open or closed (the monthly report).</summary>
    public IAsyncEnumerable<BusinessOpeningStatusView> EveryAsync(CancellationToken cancellationToken = default) => EveryAsync(true, cancellationToken);

    private async IAsyncEnumerable<BusinessOpeningStatusView> EveryAsync(bool includeClosed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in client.InstancesWithPrefixAsync(IdPrefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<BusinessOpeningStatusView>() is { } view && (includeClosed || view.ClosedAt is null)) yield return view;
        }
    }
}
