using Approvals.BusinessOpenings;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using System.Security.Claims;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 开户即开业 for the departments: an inspector records an item's post-check (事后核查), verified or broken with the
/// finding; broken revokes that permit only. Not the department's item: 403; no such case for it: 404; recorded: 409.
/// </summary>
public sealed class BusinessOpeningPostCheckFunctions(HttpCall http, BusinessOpeningCommands commands)
{
    public sealed record PostCheckBody(string? Item, string? Outcome, string? Finding, string? Inspector);

    [JsonRequestBody(typeof(PostCheckBody))]
    [Function("PostCheckBusinessOpening")]
    public Task<IResult> PostCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "business-openings/{id}/post-check")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<PostCheckBody>(request, Access.Department, async (user, body) =>
        {
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "请指明核查的即办事项 / item is required.");
            if (body.Outcome is not ("verified" or "broken")) problems.Add("outcome", "须为 verified（核查通过）或 broken（违诺） / outcome must be verified or broken.");
            if (body.Outcome == "broken" && string.IsNullOrWhiteSpace(body.Finding)) problems.Add("finding", "违诺须写明核查发现 / a broken commitment needs the finding.");
            if (body.Finding is { Length: > BusinessOpeningCommands.MaxFindingLength }) problems.Add("finding", $"最多 {BusinessOpeningCommands.MaxFindingLength} 字 / at most {BusinessOpeningCommands.MaxFindingLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            var dept = user.FindFirstValue(Roles.DepartmentClaim) ?? "";
            return (await commands.PostCheckAsync(id, dept, body.Item!.Trim(), body.Outcome!, body.Finding, body.Inspector ?? user.Identity?.Name,
                request.HttpContext.RequestAborted)).ToHttp();
        });
}
