using Approvals.Stores;
using Approvals.Stores.Embedded;

namespace Approvals.Tests.Stores;

public sealed class SqliteKeyedRecordsTests : KeyedRecordsContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("records-").FullName;

    public SqliteKeyedRecordsTests() => Records = new SqliteKeyedRecords(new EmbeddedDatabase(Path.Combine(folder, "app.db")));

    protected override IKeyedRecords Records { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class SqliteLocalQueueTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("queue-").FullName;
    private readonly EmbeddedDatabase database;

    public SqliteLocalQueueTests() => database = new EmbeddedDatabase(Path.Combine(folder, "app.db"));

    [Fact]
    public async Task Received_message_is_hidden_until_completed_or_redelivered_after_its_visibility()
    {
        var queue = new SqliteLocalQueue(database, "department-responses");
        await queue.SendAsync("first");
        await queue.SendAsync("second");

        var batch = await queue.ReceiveAsync(10, TimeSpan.FromMinutes(5));
        Assert.Equal(["first", "second"], batch.Select(m => m.Body));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromMinutes(5)));

        await queue.CompleteAsync(batch[0]);
        Assert.Equal(1, await queue.CountAsync());
    }

    [Fact]
    public async Task Message_not_completed_comes_back_with_a_higher_dequeue_count()
    {
        var queue = new SqliteLocalQueue(database, "q");
        await queue.SendAsync("retry me");
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero));
        var again = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Dead_letters_keep_body_and_reason()
    {
        var letters = new SqliteDeadLetters(database);
        await letters.AddAsync(new DeadLetter("department-responses", "m-9", "{}", "unknown application APP-404", DateTimeOffset.UnixEpoch));
        var stored = Assert.Single(await letters.ListAsync("department-responses"));
        Assert.Equal("unknown application APP-404", stored.Reason);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
