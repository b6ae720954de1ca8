using Approvals.Stores;

namespace Approvals.Tests.Stores;

/// <summary>What every write-once record store must do.</summary>
public abstract class KeyedRecordsContract
{
    protected abstract IKeyedRecords Records { get; }

    [Fact]
    public async Task First_value_wins_and_is_returned_to_later_writers()
    {
        var first = await Records.TryAddAsync("idempotency", "key-1", "answer A");
        var second = await Records.TryAddAsync("idempotency", "key-1", "answer B");

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal("answer A", second.Value);
        Assert.Equal("answer A", await Records.GetAsync("idempotency", "key-1"));
    }

    [Fact]
    public async Task Scopes_do_not_collide()
    {
        await Records.TryAddAsync("messages", "m-1", "x");
        Assert.True((await Records.TryAddAsync("idempotency", "m-1", "y")).Added);
        Assert.Null(await Records.GetAsync("messages", "m-2"));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_key_agree_on_one_value()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Records.TryAddAsync("race", "k", $"v{i}"))));
        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Value).Distinct());
    }
}
