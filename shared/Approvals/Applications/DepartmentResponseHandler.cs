using System.Text.Json;
using Approvals.Stores;

namespace Approvals.Applications;

/// <summary>
/// Applies one message of the <c>department-responses</c> queue (Service Bus in Azure, the embedded queue locally).
/// A message that cannot be applied (malformed, unknown application, wrong department, task already decided) is
/// dead-lettered with its reason; none is dropped silently. The same messageId twice changes nothing.
/// </summary>
public sealed class DepartmentResponseHandler(ApplicationCommands commands, IDeadLetters deadLetters, TimeProvider timeProvider)
{
    public const string Queue = "department-responses";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outcome of one message: applied, a duplicate, or dead-lettered with the reason.</summary>
    public sealed record Outcome(string Result, string Reason);

    private sealed record Message(string? MessageId, string? ApplicationId, string? Department, string? Item, string? Decision, string? Opinion, string? Reviewer, DateTimeOffset? DecidedAt, int? Round = null);

    public async Task<Outcome> HandleAsync(string body, string? transportMessageId = null, CancellationToken cancellationToken = default)
    {
        Message? message = null;
        var problems = new List<string>();
        try
        {
            message = JsonSerializer.Deserialize<Message>(body, Json);
        }
        catch (JsonException ex)
        {
            problems.Add($"not valid JSON: {ex.Message}");
        }
        if (message is null && problems.Count == 0) problems.Add("the message is empty");
        if (message is not null)
        {
            if (string.IsNullOrWhiteSpace(message.MessageId)) problems.Add("messageId is missing");
            if (string.IsNullOrWhiteSpace(message.ApplicationId)) problems.Add("applicationId is missing");
            if (string.IsNullOrWhiteSpace(message.Department)) problems.Add("department is missing");
            if (string.IsNullOrWhiteSpace(message.Item)) problems.Add("item is missing");
            if (message.Decision is not ("approve" or "reject" or "corrections")) problems.Add($"decision must be approve, reject or corrections, not '{message.Decision}'");
            if (message.Round is < 1) problems.Add($"round starts at 1, not {message.Round}");
        }
        var messageId = message?.MessageId ?? transportMessageId ?? "(none)";
        if (problems.Count > 0) return await DeadLetterAsync(messageId, body, "malformed: " + string.Join("; ", problems), cancellationToken);

        var decision = new DepartmentDecision(message!.MessageId!, message.Department!, message.Item!, message.Decision!, message.Opinion, message.Reviewer,
            message.DecidedAt ?? timeProvider.GetUtcNow());
        var result = await commands.DecideAsync(message.ApplicationId!, decision, message.Department!, cancellationToken, message.Round);
        return result.Outcome switch
        {
            CommandOutcome.Accepted => new Outcome("applied", result.Detail),
            CommandOutcome.Duplicate => new Outcome("duplicate", result.Detail),
            // Not answered in time: fail the delivery so the queue brings it again (the same message id is safe).
            CommandOutcome.Unavailable => throw new TimeoutException(result.Detail),
            _ => await DeadLetterAsync(messageId, body, result.Detail, cancellationToken),
        };
    }

    private async Task<Outcome> DeadLetterAsync(string messageId, string body, string reason, CancellationToken cancellationToken)
    {
        await deadLetters.AddAsync(new DeadLetter(Queue, messageId, body, reason, timeProvider.GetUtcNow()), cancellationToken);
        return new Outcome("dead-lettered", reason);
    }
}
