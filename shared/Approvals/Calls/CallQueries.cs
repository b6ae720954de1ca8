using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.Calls;

/// <summary>
/// Read-side views over the calls: a unit's assigned calls, an enterprise's calls, and the supervisor's open calls by
/// unit with lights. Everything comes from the orchestrations' published status; nothing replays.
/// </summary>
public sealed class CallQueries(DurableTaskClient client, CallPolicy policy)
{
    /// <summary>Instance ids of calls start with this, so queries skip the engine's other instances.</summary>
    public const string IdPrefix = "CALL-";

    /// <summary>A unit's calls (open ones unless <paramref name="includeClosed"/>), the nearest deadline first.</summary>
    public async Task<IReadOnlyList<CallStatusView>> ForUnitAsync(string unit, bool includeClosed, CancellationToken cancellationToken = default)
    {
        var calls = new List<CallStatusView>();
        await foreach (var view in EveryAsync(includeClosed, cancellationToken))
        {
            if (string.Equals(view.Unit, unit, StringComparison.OrdinalIgnoreCase)) calls.Add(view);
        }
        return calls.OrderBy(c => c.DueAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.RegisteredAt).ToList();
    }

    /// <summary>An enterprise's calls, the newest first.</summary>
    public async Task<IReadOnlyList<CallStatusView>> ForEnterpriseAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var calls = new List<CallStatusView>();
        await foreach (var view in EveryAsync(true, cancellationToken))
        {
            if (string.Equals(view.Uscc, uscc, StringComparison.OrdinalIgnoreCase)) calls.Add(view);
        }
        return calls.OrderByDescending(c => c.RegisteredAt).ToList();
    }

    /// <summary>Every open call grouped by unit, units with red lights first, each unit's calls red first.</summary>
    public async Task<IReadOnlyList<UnitCalls>> BoardAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<CallStatusView>();
        await foreach (var view in EveryAsync(false, cancellationToken)) open.Add(view);
        return open.GroupBy(c => c.Unit, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var calls = g.OrderBy(c => Rank(c.Light)).ThenBy(c => c.DueAt ?? DateTimeOffset.MaxValue).ToList();
                var unit = policy.Unit(g.Key);
                return new UnitCalls(g.Key, unit?.Name ?? g.First().UnitName, unit?.NameEn, calls.Count(c => c.Light == "red"),
                    calls.Count(c => c.Light == "yellow"), calls.Count(c => c.Light == "green"), calls.Count(c => c.Status == "answered"), calls);
            })
            .OrderByDescending(u => u.Red).ThenByDescending(u => u.Yellow).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
    }

    private static int Rank(string? light) => light switch { "red" => 0, "yellow" => 1, "green" => 2, _ => 3 };

    private async IAsyncEnumerable<CallStatusView> EveryAsync(bool includeClosed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var (page, next) = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                // Custom status travels with the payloads: without this Durable Functions leaves it out.
                FetchInputsAndOutputs = true,
                InstanceIdPrefix = IdPrefix,
                Statuses = includeClosed ? null : [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
                PageSize = 200,
                ContinuationToken = token,
            }, cancellationToken);
            token = next;
            foreach (var view in page.Select(p => p.ReadCustomStatusAs<CallStatusView>()).OfType<CallStatusView>())
            {
                if (includeClosed || view.Status != "closed") yield return view;
            }
        }
        while (token is not null);
    }
}

/// <summary>One unit's open calls on the supervisor's board, with the count of each light and of answers awaiting a rating.</summary>
public sealed record UnitCalls(string Unit, string UnitName, string? UnitNameEn, int Red, int Yellow, int Green, int Answered, IReadOnlyList<CallStatusView> Calls);
