namespace Approvals.Stores;

/// <summary>
/// Write-once records by scope and key: submission idempotency keys (the first answer is replayed) and
/// processed message ids (a repeated delivery changes nothing).
/// </summary>
public interface IKeyedRecords
{
    /// <summary>Stores <paramref name="value"/> if the key is new; otherwise returns the value stored first.</summary>
    Task<(bool Added, string Value)> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default);

    Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Every record of a scope whose key starts with <paramref name="keyPrefix"/> (all when empty), in key order.</summary>
    Task<IReadOnlyList<(string Key, string Value)>> ListAsync(string scope, string keyPrefix = "", CancellationToken cancellationToken = default);
}
