namespace DurableTasks.Backends;

/// <summary>The meaning of an <see cref="InstanceQuery"/>, for stores that filter in memory.</summary>
public static class InstanceQueryMatcher
{
    /// <summary>True when <paramref name="instance"/> passes every filter of <paramref name="query"/>.</summary>
    public static bool Matches(InstanceQuery query, InstanceRecord instance) =>
        (query.Statuses is null || query.Statuses.Count == 0 || query.Statuses.Contains(instance.Status))
        && (query.CreatedFrom is null || instance.CreatedAt >= query.CreatedFrom)
        && (query.CreatedTo is null || instance.CreatedAt <= query.CreatedTo)
        && (query.InstanceIdPrefix is null || instance.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal));
}
