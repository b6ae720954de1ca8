using Approvals.Applications;
using Approvals.Functions.Problems;

namespace Approvals.Functions.Http;

/// <summary>Maps a command's outcome to its HTTP answer.</summary>
public static class CommandResults
{
    public static IResult ToHttp(this CommandResult result) => result.Outcome switch
    {
        CommandOutcome.Accepted or CommandOutcome.Duplicate => Results.Accepted(value: new { result = result.Outcome == CommandOutcome.Duplicate ? "duplicate" : "accepted", detail = result.Detail }),
        CommandOutcome.Invalid => Problem.BadRequest(result.Detail),
        CommandOutcome.Forbidden => Problem.Forbidden(result.Detail),
        CommandOutcome.NotFound => Problem.NotFound(result.Detail),
        CommandOutcome.Unavailable => Results.Problem(result.Detail, statusCode: 503, title: "Service unavailable", type: "https://approvals.example/problems/unavailable"),
        _ => Problem.Conflict(result.Detail),
    };
}
