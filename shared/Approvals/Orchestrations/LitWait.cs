using Approvals.Activities;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// Waiting for an answer against a working-day deadline, lit like a department task: green, yellow at the deadline's
/// yellow point, red at the deadline. Red calls <c>onRed</c> once (at once when the wait starts late); the wait goes on
/// after red, because the answer is still owed. Timers are cancelled when the answer comes.
/// </summary>
internal static class LitWait
{
    public static string LightAt(DateTimeOffset now, Deadline deadline) => now >= deadline.DueAt ? "red" : now >= deadline.YellowAt ? "yellow" : "green";

    public static async Task<T> ForAsync<T>(TaskOrchestrationContext context, Task<T> answer, Deadline deadline, Func<Task> onYellow, Func<Task> onRed)
    {
        var light = LightAt(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), deadline);
        using var timers = new CancellationTokenSource();
        Task? yellow = light == "green" ? context.CreateTimer(deadline.YellowAt.UtcDateTime, timers.Token) : null;
        Task? red = light != "red" ? context.CreateTimer(deadline.DueAt.UtcDateTime, timers.Token) : null;
        try
        {
            if (red is null) await onRed();
            while (true)
            {
                var waiting = new List<Task> { answer };
                if (yellow is not null) waiting.Add(yellow);
                if (red is not null) waiting.Add(red);
                var winner = await Task.WhenAny(waiting);
                if (winner == answer) return answer.Result;
                if (winner == yellow)
                {
                    yellow = null;
                    await onYellow();
                }
                else
                {
                    red = null;
                    yellow = null;
                    await onRed();
                }
            }
        }
        finally
        {
            timers.Cancel();
        }
    }
}
