using Microsoft.DurableTask;

namespace Bench.Peers;

/// <summary>The activity of the fan-out(6) workload: returns twice its input, no I/O.</summary>
[DurableTask(Name)]
public sealed class DoubleActivity : TaskActivity<int, int>
{
    /// <summary>The activity name every backend registers and the orchestrator calls.</summary>
    public const string Name = "Double";

    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
}
