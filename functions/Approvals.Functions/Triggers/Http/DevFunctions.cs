using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Problems;
using Approvals.Stores.Embedded;
using DurableTasks.Time;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// Development only (api.md): read and move the virtual clock, and put a message on the embedded
/// <c>department-responses</c> queue as a department system would, so the queue path can be driven from curl.
/// Anywhere else (no virtual clock, no embedded queue) they answer 404.
/// </summary>
public sealed class DevFunctions(HttpCall http, IServiceProvider services)
{
    public const double MaxAdvanceDays = 3660;

    public sealed record Advance(double? Days, double? Hours);

    [Function("DevClock")]
    public Task<IResult> Clock([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/clock")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => services.GetService<VirtualClock>() is { } clock
            ? Results.Ok(new { now = Shanghai(clock.UtcNow) })
            : NotHere());

    [JsonRequestBody(typeof(Advance))]
    [Function("DevClockAdvance")]
    public Task<IResult> AdvanceClock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/clock/advance")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<Advance>(request, Access.Anonymous, async (_, body) =>
        {
            if (services.GetService<VirtualClock>() is not { } clock) return NotHere();
            var days = body.Days ?? 0;
            var hours = body.Hours ?? 0;
            var problems = new ValidationProblem();
            if (!double.IsFinite(days) || days < 0 || days > MaxAdvanceDays) problems.Add("days", $"days must be a number from 0 to {MaxAdvanceDays}.");
            if (!double.IsFinite(hours) || hours < 0 || hours > MaxAdvanceDays * 24) problems.Add("hours", $"hours must be a number from 0 to {MaxAdvanceDays * 24}.");
            if (problems.HasErrors) return problems.ToResult();
            var delta = TimeSpan.FromDays(days) + TimeSpan.FromHours(hours);
            if (delta <= TimeSpan.Zero || delta > TimeSpan.FromDays(MaxAdvanceDays))
            {
                return new ValidationProblem().Add("days", "Give a positive number of days and/or hours (at most ten years in all).").ToResult();
            }
            // Steps through every durable timer and timer trigger due on the way, each on its own date, and returns once
            // the engine has drained at the target.
            await clock.AdvanceAsync(delta, request.HttpContext.RequestAborted);
            return Results.Ok(new { now = Shanghai(clock.UtcNow) });
        });

    [RawRequestBody("application/json", "一条部门答复消息，原样入队 / a department response message, queued as it is (the queue contract in api.md)")]
    [Function("DevQueueDepartmentResponse")]
    public Task<IResult> Enqueue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/queues/department-responses")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, async _ =>
        {
            if (services.GetService<VirtualClock>() is null || services.GetService<SqliteLocalQueue>() is not { } queue) return NotHere();
            var (body, problem) = await JsonBody.ReadTextAsync(request, 256 * 1024, request.HttpContext.RequestAborted, requireJson: false);
            if (problem is not null) return problem;
            if (string.IsNullOrEmpty(body)) return Problem.BadRequest("the message body is empty");
            // Queued as it is: the queue's handler validates it and dead-letters it with its reason if it cannot be applied.
            await queue.SendAsync(body, request.HttpContext.RequestAborted);
            return Results.Accepted(value: new { queued = DepartmentResponseHandler.Queue, bytes = body.Length });
        });

    private static IResult NotHere() => Problem.NotFound("development calls exist only in Development, on the embedded backend");

    private static DateTimeOffset Shanghai(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8));
}
