using System.Security.Cryptography;
using System.Text;
using DurableTasks.Abstractions;
using Microsoft.Extensions.Logging;

namespace DurableTasks.Runtime;

/// <summary>The <see cref="TaskOrchestrationContext"/> handed to orchestrator code by the replay executor.</summary>
internal sealed class ReplayContext(OrchestrationExecutor executor) : TaskOrchestrationContext
{
    private static readonly Guid GuidNamespace = new("6f7c1c3e-9a2b-4f1e-8d55-2b7e6c0d9a41");
    private Random random = new(0);
    private int guidCounter;

    public override string InstanceId => executor.InstanceId;
    public override string Name => executor.Name;
    public override string ExecutionId => executor.ExecutionId;
    public override DateTime CurrentUtcDateTime => executor.CurrentUtcDateTime;
    public override bool IsReplaying => executor.IsReplaying;
    public override Random Random => random;

    internal void ResetRandom()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{executor.InstanceId}\n{executor.ExecutionId}"));
        random = new Random(BitConverter.ToInt32(hash, 0));
        guidCounter = 0;
    }

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var raw = await WithRetry(options?.Retry, () => executor.ScheduleTask(ActionKind.Activity, name, input));
        return (TResult)executor.Converter.Deserialize(raw, typeof(TResult))!;
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var attempt = 0;
        var raw = await WithRetry(options?.Retry, () =>
        {
            // Each retry is a new child instance, so a failed child's history stays inspectable.
            var childId = options?.InstanceId is { } id && attempt++ > 0 ? $"{id}#{attempt}" : options?.InstanceId;
            return executor.ScheduleTask(ActionKind.SubOrchestration, orchestratorName, input, childId);
        });
        return (TResult)executor.Converter.Deserialize(raw, typeof(TResult))!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        executor.CreateTimer(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : fireAt, cancellationToken);

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var raw = await executor.WaitForEvent(eventName, cancellationToken);
        return (T)executor.Converter.Deserialize(raw, typeof(T))!;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        executor.ContinueAsNewRequest = (executor.Converter.Serialize(newInput), preserveUnprocessedEvents);

    public override void SetCustomStatus(object? customStatus) =>
        executor.CustomStatus = executor.Converter.Serialize(customStatus);

    public override Guid NewGuid()
    {
        // Name-based (RFC 4122 version 5 layout) from the instance, the replay-safe time and a counter.
        var name = $"{InstanceId}_{CurrentUtcDateTime:O}_{guidCounter++}";
        var bytes = SHA256.HashData([.. GuidNamespace.ToByteArray(), .. Encoding.UTF8.GetBytes(name)]).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public override ILogger CreateReplaySafeLogger(ILogger logger) => new ReplaySafeLogger(logger, this);

    private async Task<string?> WithRetry(RetryPolicy? policy, Func<Task<string?>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException failure) when (policy is not null && attempt < policy.MaxNumberOfAttempts && policy.Handle(failure.FailureDetails))
            {
                await CreateTimer(CurrentUtcDateTime.Add(policy.DelayAfterAttempt(attempt)), CancellationToken.None);
            }
        }
    }

    private sealed class ReplaySafeLogger(ILogger inner, ReplayContext context) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
