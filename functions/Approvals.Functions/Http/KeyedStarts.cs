using System.Text.Json;
using Approvals.Stores;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Http;

/// <summary>
/// Starting a durable case once per <c>Idempotency-Key</c>: the key's record holds the body's hash and the case id, so
/// the same key and body answer the same, another body under the key is 422, and a retry after a crash between
/// scheduling and recording lands on the instance that stands.
/// </summary>
public sealed partial class KeyedStarts(IKeyedRecords records, DurableTaskClient engine)
{
    private sealed record KeyRecord(string BodySha256, string Id);

    /// <summary>The earlier answer under <paramref name="recordKey"/>, or null when the key is new.</summary>
    public async Task<IResult?> ReplayAsync(string scope, string recordKey, string bodyHash, Func<string, IResult> accepted, CancellationToken cancellationToken) =>
        await records.GetAsync(scope, recordKey, cancellationToken) is { } earlier
            ? Answer(JsonSerializer.Deserialize<KeyRecord>(earlier, JsonBody.Options)!, bodyHash, accepted)
            : null;

    /// <summary>Schedules <paramref name="orchestrator"/> as <paramref name="id"/> (idempotent) and records the key.</summary>
    public async Task<IResult> StartAsync(string scope, string recordKey, string bodyHash, string id, string orchestrator, object input,
        Func<string, IResult> accepted, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { InstanceId = id }, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retry after a crash between scheduling and recording the key: the instance stands.
        }
        var (_, stored) = await records.TryAddAsync(scope, recordKey, JsonSerializer.Serialize(new KeyRecord(bodyHash, id), JsonBody.Options), cancellationToken);
        return Answer(JsonSerializer.Deserialize<KeyRecord>(stored, JsonBody.Options)!, bodyHash, accepted);
    }

    private static IResult Answer(KeyRecord record, string bodyHash, Func<string, IResult> accepted) =>
        record.BodySha256 == bodyHash
            ? accepted(record.Id)
            : Results.Problem("此 Idempotency-Key 已用于另一内容，新的提交请换一个 / This Idempotency-Key was used with a different body; use a new key for a new submission.",
                statusCode: 422, title: "Idempotency-Key reused", type: "https://approvals.example/problems/idempotency-key-reused");
}
