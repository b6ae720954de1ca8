namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    /// <summary>The most lock tokens one renewal statement names.</summary>
    private const int MaxTokensPerRenewal = 256;

    public Task RenewLeasesAsync(IReadOnlyCollection<string> lockTokens, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (lockTokens.Count == 0) return Task.CompletedTask;
        var until = wallClock.GetUtcNow().UtcTicks + lease.Ticks;
        var tokens = lockTokens.ToList();
        return WriteAsync(tx =>
        {
            for (var start = 0; start < tokens.Count; start += MaxTokensPerRenewal)
            {
                var n = Math.Min(MaxTokensPerRenewal, tokens.Count - start);
                foreach (var text in new[] { Sql.RenewInstances(n), Sql.RenewActivities(n) })
                {
                    var renew = tx.Statement(text).Bind("$until", until);
                    for (var i = 0; i < n; i++) renew.Bind(Sql.Name("$t", i), tokens[start + i]);
                    renew.Execute();
                }
            }
            return true;
        }, cancellationToken, signal: false);
    }
}
