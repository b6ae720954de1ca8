using Google.Protobuf;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// What the store's writer receives: the writes with their protobuf bodies already encoded by the caller's thread, so
/// the one thread every commit waits for only runs SQL (encoding was a third of its managed time in a profile).
/// </summary>
internal readonly record struct EncodedMessage(OrchestrationMessage Message, byte[] Body)
{
    public static EncodedMessage Of(OrchestrationMessage message) => new(message, message.Event.ToByteArray());

    public static EncodedMessage[] Of(IReadOnlyList<OrchestrationMessage> messages)
    {
        var encoded = new EncodedMessage[messages.Count];
        for (var i = 0; i < encoded.Length; i++) encoded[i] = Of(messages[i]);
        return encoded;
    }
}

internal readonly record struct EncodedActivity(ActivityMessage Message, byte[] Body);

internal sealed record EncodedCommit(OrchestrationCommit Commit, byte[]? History, byte[]? Failure, EncodedMessage[] Messages, EncodedActivity[] Activities)
{
    public static EncodedCommit Of(OrchestrationCommit commit)
    {
        var activities = new EncodedActivity[commit.ActivityMessages.Count];
        for (var i = 0; i < activities.Length; i++) activities[i] = new(commit.ActivityMessages[i], commit.ActivityMessages[i].Request.ToByteArray());
        return new EncodedCommit(
            commit,
            commit.NewEvents.Count > 0 ? HistoryRows.Encode(commit.NewEvents) : null,
            commit.Failure?.ToProto().ToByteArray(),
            EncodedMessage.Of(commit.OrchestrationMessages),
            activities);
    }
}
