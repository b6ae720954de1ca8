using System.Diagnostics;
using DurableTask.Core;
using DurableTasks.Backends;
using DurableTasks.Diagnostics;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Worker;

/// <summary>
/// Executes one activity request through Microsoft's activity shim (<see cref="DurableTaskShimFactory.CreateActivity"/>),
/// which unwraps the runtime's one-element input array and serializes the output with the worker's data converter,
/// and produces the result message for its orchestration.
/// </summary>
internal sealed class ActivityRunner(RegisteredTasks tasks, IServiceProvider services, DurableTaskShimFactory shims, TimeProvider timeProvider)
{
    public async Task<ActivityCompletion> RunAsync(ActivityWorkItem item)
    {
        var request = item.Message.Request;
        using var span = EngineTelemetry.Source.StartActivity($"activity {request.Name}", ActivityKind.Internal);
        span?.SetTag("durabletasks.instance_id", item.Message.InstanceId);
        span?.SetTag("durabletasks.task_id", request.TaskId);
        var started = Stopwatch.GetTimestamp();
        var outcome = new P.HistoryEvent { EventId = -1 };
        if (!tasks.TryGetActivity(request.Name, out var factory))
        {
            outcome.TaskFailed = new P.TaskFailedEvent
            {
                TaskScheduledId = request.TaskId,
                FailureDetails = new P.TaskFailureDetails { ErrorType = "ActivityNotFound", ErrorMessage = $"No activity named '{request.Name}' is registered with this worker." },
            };
        }
        else
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var shim = shims.CreateActivity(request.Name, factory(scope.ServiceProvider));
                var context = new TaskContext(new OrchestrationInstance { InstanceId = item.Message.InstanceId, ExecutionId = item.Message.ExecutionId });
                var output = await shim.RunAsync(context, request.Input);
                outcome.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = request.TaskId, Result = output };
            }
            catch (Exception ex)
            {
                span?.SetStatus(ActivityStatusCode.Error, ex.Message);
                outcome.TaskFailed = new P.TaskFailedEvent { TaskScheduledId = request.TaskId, FailureDetails = FailureDetailsConversion.FromException(ex) };
            }
        }
        EngineTelemetry.ActivityMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var now = timeProvider.GetUtcNow();
        outcome.Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        var result = new OrchestrationMessage(MessageIds.ActivityResult(item.Message.MessageId), item.Message.InstanceId, item.Message.ExecutionId, outcome, now);
        return new ActivityCompletion(item, result);
    }
}
