using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>One page of an instance query at a time, through Microsoft's client (the same call on every backend).</summary>
public static class InstancePaging
{
    /// <summary>The page that starts at <paramref name="query"/>'s continuation token, and the token of the next (null on the last).</summary>
    public static async Task<(IReadOnlyList<OrchestrationMetadata> Page, string? Next)> QueryInstancesAsync(
        this DurableTaskClient client, OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return (page.Values, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }
        return ([], null);
    }
}
