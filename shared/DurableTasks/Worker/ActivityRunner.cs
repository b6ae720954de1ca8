using System.Diagnostics;
using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Converters;
using DurableTasks.Diagnostics;
using DurableTasks.History;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Worker;

/// <summary>Executes one activity request and produces the result message for its orchestration.</summary>
internal sealed class ActivityRunner(DurableTaskRegistry registry, IServiceProvider services, DataConverter converter, TimeProvider timeProvider)
{
    public async Task<ActivityCompletion> RunAsync(ActivityWorkItem item, CancellationToken cancellationToken)
    {
        var request = item.Message;
        using var span = EngineTelemetry.Source.StartActivity($"activity {request.Name}", ActivityKind.Internal);
        span?.SetTag("durabletasks.instance_id", request.InstanceId);
        span?.SetTag("durabletasks.task_id", request.TaskId);
        var started = Stopwatch.GetTimestamp();
        HistoryEvent outcome;
        if (!registry.Activities.TryGetValue(request.Name, out var factory))
        {
            outcome = new TaskFailedEvent(request.TaskId, new TaskFailureDetails("ActivityNotFound", $"No activity named '{request.Name}' is registered with this worker."));
        }
        else
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var activity = factory(scope.ServiceProvider);
                var input = converter.Deserialize(request.Input, activity.InputType);
                var output = await activity.RunAsync(new TaskActivityContext(request.Name, request.InstanceId, request.TaskId, cancellationToken), input);
                outcome = new TaskCompletedEvent(request.TaskId, converter.Serialize(output));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                span?.SetStatus(ActivityStatusCode.Error, ex.Message);
                outcome = new TaskFailedEvent(request.TaskId, TaskFailureDetails.FromException(ex));
            }
        }
        EngineTelemetry.ActivityMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var now = timeProvider.GetUtcNow();
        var result = new OrchestrationMessage(
            MessageIds.ActivityResult(request.MessageId), request.InstanceId, request.ExecutionId, outcome with { Timestamp = now }, now);
        return new ActivityCompletion(item, result);
    }
}
