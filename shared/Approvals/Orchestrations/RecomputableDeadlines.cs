using Approvals.Activities;
using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The deadlines of one orchestration other than its review tasks (verification windows, the one-time notice's answer
/// date, joint-acceptance steps, the rectification date), each kept with the request it was computed from. A
/// provisional one (counted into a year whose holiday schedule was not loaded, domain.md "Working days") is computed
/// again when <see cref="Signals.DeadlinesCalendarUpdated"/> arrives; every wait on a deadline also waits on
/// <see cref="Moved"/> and re-reads its deadline. Deterministic: changed only by orchestration code.
/// </summary>
internal sealed class RecomputableDeadlines(TaskOrchestrationContext context, TaskOptions retry)
{
    private readonly Dictionary<string, (Deadline Deadline, DeadlineRequest Basis)> entries = new(StringComparer.Ordinal);
    private TaskCompletionSource moved = new();

    /// <summary>Completes after the next recomputation; a new one is handed out after each.</summary>
    public Task Moved => moved.Task;

    public Deadline this[string key] => entries[key].Deadline;

    /// <summary>Computes a deadline (activity) and keeps it under <paramref name="key"/> with its request.</summary>
    public async Task<Deadline> ComputeAsync(string key, DeadlineRequest basis)
    {
        var deadline = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, basis, retry);
        entries[key] = (deadline, basis);
        return deadline;
    }

    /// <summary>Keeps a deadline computed elsewhere (at intake, or after the clock restarted).</summary>
    public void Set(string key, Deadline deadline, DeadlineRequest basis) => entries[key] = (deadline, basis);

    /// <summary>The wait on this deadline is over: it is not computed again.</summary>
    public void Remove(string key) => entries.Remove(key);

    /// <summary>
    /// Runs for the orchestration's life: on each signal, computes every provisional deadline again, hands the changes
    /// to <paramref name="apply"/> (views, timeline), then completes <see cref="Moved"/> so the waits re-read theirs.
    /// </summary>
    public async Task WatchAsync(Action<IReadOnlyList<(string Key, Deadline Before, Deadline After)>> apply)
    {
        while (true)
        {
            await context.WaitForExternalEvent<bool>(Signals.DeadlinesCalendarUpdated);
            var changes = new List<(string, Deadline, Deadline)>();
            foreach (var (key, entry) in entries.Where(e => e.Value.Deadline.Provisional).OrderBy(e => e.Key, StringComparer.Ordinal).ToList())
            {
                var again = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, entry.Basis, retry);
                if (!entries.ContainsKey(key)) continue; // its wait ended meanwhile
                entries[key] = (again, entry.Basis);
                changes.Add((key, entry.Deadline, again));
            }
            apply(changes);
            var done = moved;
            moved = new TaskCompletionSource();
            done.SetResult();
        }
    }

    /// <summary>
    /// Waits for <paramref name="answer"/> until the deadline under <paramref name="key"/> passes, following it when it
    /// is computed again. True when the answer came in time.
    /// </summary>
    public async Task<bool> AnswerBeforeAsync(Task answer, string key)
    {
        while (!answer.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            var move = Moved;
            var expiry = context.CreateTimer(this[key].DueAt.UtcDateTime, cancel.Token);
            var winner = await Task.WhenAny(answer, expiry, move);
            cancel.Cancel();
            if (winner == expiry) return false;
        }
        return true;
    }
}
