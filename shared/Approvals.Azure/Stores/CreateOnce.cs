namespace Approvals.Azure.Stores;

/// <summary>
/// Runs a store's "create the table / container if missing" once, on first use, so stores can be built in DI without
/// I/O; a failed attempt is retried on the next use instead of being cached.
/// </summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (done) return;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (done) return;
            await create(cancellationToken).ConfigureAwait(false);
            done = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
