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

    [Fact]
    public async Task Keys_with_any_characters_are_kept_apart_and_listed_in_key_order()
    {
        string[] keys = ["b/1", "a#2", "a?3", "c\\4", "100%", "控制\u0001", "O'Brien"];
        foreach (var key in keys) Assert.True((await Records.TryAddAsync("odd keys", key, "value of " + key)).Added);

        var listed = await Records.ListAsync("odd keys");

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Select(r => r.Key));
        Assert.All(listed, r => Assert.Equal("value of " + r.Key, r.Value));
        Assert.Equal("value of 100%", await Records.GetAsync("odd keys", "100%"));
    }

    [Fact]
    public async Task A_key_prefix_lists_its_keys_only_whatever_characters_they_hold()
    {
        string[] keys = ["P-1|APP-2", "P-1|APP-1", "P-10|APP-3", "P-1%|APP-4", "P-2|APP-5", "p-1|APP-6", "P-1/|APP-7"];
        foreach (var key in keys) await Records.TryAddAsync("by project", key, key[(key.IndexOf('|') + 1)..]);
        await Records.TryAddAsync("other scope", "P-1|APP-8", "APP-8");

        Assert.Equal(["APP-1", "APP-2"], (await Records.ListAsync("by project", "P-1|")).Select(r => r.Value));
        Assert.Equal(["APP-4"], (await Records.ListAsync("by project", "P-1%|")).Select(r => r.Value));
        Assert.Equal(["APP-7"], (await Records.ListAsync("by project", "P-1/")).Select(r => r.Value));
        Assert.Empty(await Records.ListAsync("by project", "P-3|"));
        Assert.Equal(keys.Length, (await Records.ListAsync("by project")).Count);
    }

    [Fact]
    public async Task Large_values_are_kept_whole()
    {
        var answer = "{\"body\":\"" + new string('答', 70_000) + "\"}";
        Assert.True((await Records.TryAddAsync("idempotency", "big", answer)).Added);
        Assert.Equal(answer, (await Records.TryAddAsync("idempotency", "big", "other")).Value);
    }
}
