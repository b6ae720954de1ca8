using Microsoft.DurableTask;

namespace Bench.Peers;

/// <summary>
/// The fan-out(6) workload: calls <see cref="DoubleActivity"/> six times in parallel (inputs <c>input</c> to <c>input + 5</c>)
/// and returns the sum of the answers, i.e. <c>12 * input + 30</c>. A plain Microsoft.DurableTask orchestrator, so every
/// backend (ours, the in-process test host, DTFx Azure Storage) runs the very same class.
/// </summary>
[DurableTask(Name)]
public sealed class FanOutSixOrchestrator : TaskOrchestrator<int, int>
{
    /// <summary>The orchestration name every backend registers and schedules.</summary>
    public const string Name = "FanOutSix";

    /// <summary>How many activities one orchestration calls in parallel.</summary>
    public const int Width = 6;

    /// <summary>The result the orchestration must return for <paramref name="input"/>.</summary>
    public static int Expected(int input) => (Width * 2 * input) + (Width * (Width - 1));

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = new Task<int>[Width];
        for (var i = 0; i < Width; i++) calls[i] = context.CallActivityAsync<int>(DoubleActivity.Name, input + i);
        var results = await Task.WhenAll(calls);
        return results.Sum();
    }
}
