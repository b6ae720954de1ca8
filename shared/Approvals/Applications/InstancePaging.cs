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

    /// <summary>Every instance whose id starts with <paramref name="idPrefix"/>, with its payloads and custom status.</summary>
    public static async IAsyncEnumerable<OrchestrationMetadata> InstancesWithPrefixAsync(this DurableTaskClient client, string idPrefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            // Custom status travels with the payloads: without FetchInputsAndOutputs Durable Functions leaves it out.
            var (page, next) = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                FetchInputsAndOutputs = true,
                InstanceIdPrefix = idPrefix,
                PageSize = 200,
                ContinuationToken = token,
            }, cancellationToken);
            token = next;
            foreach (var instance in page) yield return instance;
        }
        while (token is not null);
    }
}
