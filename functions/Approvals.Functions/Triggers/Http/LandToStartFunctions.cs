using System.Security.Claims;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.LandToStart;
using Approvals.Orchestrations;
using Approvals.Stores;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 拿地即开工 for the applicant (api.md "The seed systems"): apply (scope check, 202 + Location, idempotent by
/// <c>Idempotency-Key</c>), follow the pre-land steps and the simulated (模拟) opinions, list its cases, and register the
/// land contract on the day it is signed, when the four documents issue (409 before the case is ready).
/// </summary>
public sealed class LandToStartFunctions(HttpCall http, LandToStartPlanner planner, LandToStartCommands commands, LandToStartQueries queries, IMaterialStore materials,
    KeyedStarts starts, TimeProvider time)
{
    public const string Scope = "land-to-start";

    public const int MaxBodyBytes = 16 * 1024;

    public sealed record ContractBody(string? ContractNumber, DateOnly? SignedOn, IReadOnlyDictionary<string, string>? PlanConditions, IReadOnlyDictionary<string, string>? Materials);

    [JsonRequestBody(typeof(LandToStartRequest))]
    [Function("ApplyLandToStart")]
    public Task<IResult> Apply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "land-to-start")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, user => ApplyAsync(request, user, request.HttpContext.RequestAborted));

    [Function("GetLandToStart")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "land-to-start/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            return view is not null && MayRead(user, view)
                ? Results.Ok(LandToStartResponses.Status(view))
                : Problem.NotFound($"拿地即开工 {id} 不存在 / land-to-start case {id} does not exist");
        });

    [Function("ListLandToStart")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "land-to-start")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises list their cases");
            return Results.Ok((await queries.ForApplicantAsync(uscc, request.HttpContext.RequestAborted)).Select(LandToStartResponses.Line));
        });

    [JsonRequestBody(typeof(ContractBody))]
    [Function("SignLandContract")]
    public Task<IResult> Contract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "land-to-start/{id}/contract")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<ContractBody>(request, Access.Applicant, async (user, body) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant registers its land contract");
            var ct = request.HttpContext.RequestAborted;
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ContractNumber) || body.ContractNumber.Length > 50) problems.Add("contractNumber", "请填写合同编号（最多 50 字） / contractNumber is required, at most 50 characters.");
            if (body.SignedOn is null) problems.Add("signedOn", "请填写签订日期 / signedOn is required.");
            foreach (var (code, materialId) in body.Materials ?? new Dictionary<string, string>())
            {
                if (!await materials.IsOwnedByAsync(materialId, uscc, ct)) problems.Add($"materials.{code}", $"材料 {materialId} 不存在或不属于您 / material {materialId} does not exist or is not yours.");
            }
            if (problems.HasErrors) return problems.ToResult();
            var (result, errors) = await commands.SignContractAsync(id, uscc, body.ContractNumber!, body.SignedOn!.Value, body.PlanConditions, body.Materials, ct);
            return errors is not null
                ? Results.ValidationProblem(errors, title: "合同登记有误 / The contract has problems.", type: "https://approvals.example/problems/validation")
                : result.ToHttp();
        });

    private static bool MayRead(ClaimsPrincipal user, LandToStartStatusView view) =>
        user.MayRead(view.Uscc) || view.Steps.Any(s => user.IsDepartment(s.Department)) || view.Documents.Any(d => user.IsDepartment(d.Department));

    private async Task<IResult> ApplyAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises apply");
        return await starts.StartFromBodyAsync<LandToStartRequest>(request, Scope, uscc, LandToStartQueries.IdPrefix, MaxBodyBytes,
            async (caseId, form) =>
            {
                var planned = planner.Plan(caseId, uscc, form, time.GetUtcNow());
                var errors = new Dictionary<string, string[]>(planned.Errors);
                foreach (var (material, i) in (form.Materials ?? []).Select((m, i) => (m, i)))
                {
                    if (material.MaterialId is { Length: > 0 } id && !await materials.IsOwnedByAsync(id.Trim(), uscc, ct))
                    {
                        errors[$"materials[{i}].materialId"] = [$"材料 {id} 不存在或不属于您 / material {id} does not exist or is not yours."];
                    }
                }
                return PlannedCase.Of(planned.Plan, errors);
            },
            LandToStartOrchestrator.Name, Accepted, "拿地即开工申请有误 / The application has problems.", ct);
    }

    private static IResult Accepted(string caseId)
    {
        var uri = $"/api/land-to-start/{caseId}";
        return Results.Accepted(uri, new { caseId, statusUri = uri });
    }
}
