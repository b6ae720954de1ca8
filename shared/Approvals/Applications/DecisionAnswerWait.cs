using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// Waits, bounded, until the orchestration has answered a decision it was sent (its custom status lists the answer).
/// Polls on wall time, not on the <see cref="TimeProvider"/>: a virtual clock stands still while the engine works.
/// </summary>
internal static class DecisionAnswerWait
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The answer; a refusal when the application ended without taking it; null when none came within <paramref name="bound"/>.</summary>
    public static async Task<DecisionAnswer?> WaitAsync(DurableTaskClient client, string applicationId, DepartmentDecision sent, int round, TimeSpan bound,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var poll = FirstPoll;
        try
        {
            while (true)
            {
                var instance = await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, timeout.Token);
                var answer = instance?.ReadCustomStatusAs<ApplicationStatusView>()?.DecisionAnswers.LastOrDefault(a =>
                    a.MessageId == sent.MessageId && string.Equals(a.Department, sent.Department, StringComparison.OrdinalIgnoreCase) && a.Round == round);
                if (answer is not null) return answer;
                if (instance is null || instance.IsCompleted)
                {
                    return new DecisionAnswer(sent.MessageId ?? "", sent.Department, sent.Item, round, DecisionAnswer.Refused,
                        $"申请已办结 / application {applicationId} ended ({instance?.RuntimeStatus}) before taking the decision", DecisionIdentity.Fingerprint(sent));
                }
                await Task.Delay(poll, timeout.Token);
                poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
