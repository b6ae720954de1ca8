using System.Text.Json;
using Approvals.Functions.Problems;
using Approvals.Stores.Embedded;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// Development only: puts a message on the embedded <c>department-responses</c> queue, as a department system would on
/// Service Bus in Azure, so the queue path can be driven from curl. The body is queued as it is; the queue's handler
/// validates it (and dead-letters it with its reason if it cannot be applied).
/// </summary>
public static class DevQueueEndpoints
{
    public static void MapDevQueue(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/dev/queues/department-responses", async (HttpContext http, SqliteLocalQueue queue, CancellationToken ct) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(ct);
            if (body.Length == 0) return Problem.BadRequest("the message body is empty");
            if (body.Length > 256 * 1024) return Problem.TooLarge("a Service Bus message is at most 256 KB");
            await queue.SendAsync(body, ct);
            return Results.Accepted(value: new { queued = queue.Name, bytes = body.Length });
        }).WithTags("Development");

    /// <summary>The dead letters of the department-responses queue, for a person to look at.</summary>
    public static void MapDeadLetters(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/supervision/dead-letters", async (Approvals.Stores.IDeadLetters letters, CancellationToken ct) =>
            Results.Ok((await letters.ListAsync(Approvals.Applications.DepartmentResponseHandler.Queue, ct)).Select(l => new
            {
                queue = l.Queue,
                messageId = l.MessageId,
                reason = l.Reason,
                at = ApplicationResponses.Local(l.At),
                body = TryParse(l.Body),
            }))).WithTags("Supervisor").RequireAuthorization(Identity.Roles.Supervisor);

    private static object TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
