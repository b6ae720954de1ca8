using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.DependencyInjection;
using DurableTasks.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;

namespace DurableTasks.Tests.Backends.Sqlite;

/// <summary>A durable file written by the previous schema version is upgraded in place and its pending work goes on.</summary>
public sealed class SchemaUpgradeTests
{
    /// <summary>The messages table of schema version 2 (a rowid table with three indexes), as that version created it.</summary>
    private const string DowngradeMessagesToVersion2 = """
        CREATE TABLE messages_v2 (
            seq           INTEGER PRIMARY KEY,
            message_id    TEXT NOT NULL UNIQUE,
            kind          INTEGER NOT NULL,
            instance_id   TEXT NOT NULL,
            execution_id  TEXT,
            visible_at    INTEGER NOT NULL,
            locked_until  INTEGER NOT NULL DEFAULT 0,
            lock_token    TEXT,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            remember      INTEGER NOT NULL DEFAULT 0,
            body          BLOB NOT NULL
        );
        INSERT INTO messages_v2 (message_id, kind, instance_id, execution_id, visible_at, remember, body)
            SELECT message_id, 0, instance_id, execution_id, visible_at, remember, body FROM messages ORDER BY seq;
        DROP TABLE messages;
        ALTER TABLE messages_v2 RENAME TO messages;
        CREATE INDEX ix_messages_due ON messages (kind, visible_at);
        CREATE INDEX ix_messages_instance ON messages (instance_id, kind, seq);
        PRAGMA user_version = 2;
        """;

    [Fact]
    public async Task A_version_2_file_with_queued_events_is_upgraded_and_its_instance_receives_them_in_order()
    {
        var folder = Directory.CreateTempSubdirectory("engine-").FullName;
        var path = Path.Combine(folder, "durable.db");
        string id;
        await using (var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = path }, new FakeTimeProvider(EngineHarness.Epoch)))
        {
            await store.InitializeAsync();
            var client = new EmbeddedDurableTaskClient(store, new FakeTimeProvider(EngineHarness.Epoch), DurableTaskServiceCollectionExtensions.WebJsonConverter);
            id = await client.ScheduleNewOrchestrationInstanceAsync("Listener");
            foreach (var note in new[] { "a", "b", "c" }) await client.RaiseEventAsync(id, "Note", note);
        }
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = DowngradeMessagesToVersion2;
            await downgrade.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        await using var h = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Listener", async (ctx, _) =>
            {
                var text = "";
                for (var i = 0; i < 3; i++) text += await ctx.WaitForExternalEvent<string>("Note");
                return text;
            }), folder: folder);

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("abc", done.ReadOutputAs<string>());
        await using var check = new SqliteConnection($"Data Source={path}");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(3L, await version.ExecuteScalarAsync());
    }
}
