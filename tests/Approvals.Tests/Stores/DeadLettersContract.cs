using Approvals.Stores;

namespace Approvals.Tests.Stores;

/// <summary>What every dead-letter store must do; each implementation derives from this class.</summary>
public abstract class DeadLettersContract
{
    protected abstract IDeadLetters Letters { get; }

    [Fact]
    public async Task Letters_keep_body_reason_and_time_in_arrival_order()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));
        await Letters.AddAsync(new DeadLetter("department-responses", "m-2", "{\"b\":2}", "unknown application APP-404", at));
        await Letters.AddAsync(new DeadLetter("department-responses", "m-1", "{\"b\":1}", "decision for a closed item", at.AddHours(-1)));

        var listed = await Letters.ListAsync("department-responses");

        Assert.Equal(["m-2", "m-1"], listed.Select(l => l.MessageId));
        Assert.Equal(("{\"b\":2}", "unknown application APP-404", at), (listed[0].Body, listed[0].Reason, listed[0].At));
    }

    [Fact]
    public async Task Queues_keep_their_letters_apart()
    {
        await Letters.AddAsync(new DeadLetter("queue-a", "1", "a", "r", DateTimeOffset.UnixEpoch));
        await Letters.AddAsync(new DeadLetter("queue-b/odd#name", "2", "b", "r", DateTimeOffset.UnixEpoch));

        Assert.Equal("a", Assert.Single(await Letters.ListAsync("queue-a")).Body);
        Assert.Equal("queue-b/odd#name", Assert.Single(await Letters.ListAsync("queue-b/odd#name")).Queue);
        Assert.Empty(await Letters.ListAsync("queue-c"));
    }

    [Fact]
    public async Task The_same_message_dead_lettered_twice_is_kept_twice()
    {
        await Letters.AddAsync(new DeadLetter("q", "m", "body", "first failure", DateTimeOffset.UnixEpoch));
        await Letters.AddAsync(new DeadLetter("q", "m", "body", "second failure", DateTimeOffset.UnixEpoch));
        Assert.Equal(["first failure", "second failure"], (await Letters.ListAsync("q")).Select(l => l.Reason));
    }

    [Fact]
    public async Task Large_bodies_are_kept_whole()
    {
        var body = new string('x', 100_000);
        await Letters.AddAsync(new DeadLetter("q", "big", body, "too big to parse", DateTimeOffset.UnixEpoch));
        Assert.Equal(body, Assert.Single(await Letters.ListAsync("q")).Body);
    }
}
