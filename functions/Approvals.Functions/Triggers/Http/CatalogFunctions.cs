using Approvals.Catalog;
using Approvals.Functions.Http;
using Approvals.Functions.Problems;
using Approvals.Intake;
using Approvals.JointAcceptance;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Http;

/// <summary>Public catalog (事项清单), policy numbers and smart guidance (智能导办).</summary>
public sealed class CatalogFunctions(HttpCall http, ItemCatalog catalog, IntakePolicy intake, JointAcceptancePolicy jointAcceptance, SmartGuide guide,
    Approvals.StagedPermits.StagedPermitPolicy stagedPermits)
{
    /// <summary>The stages of a staged construction permit (分段办理施工许可), in order, with the materials each adds.</summary>
    [Function("CatalogPermitStages")]
    public Task<IResult> PermitStages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/permit-stages")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(new
        {
            item = stagedPermits.Item,
            source = stagedPermits.Source,
            stages = stagedPermits.Stages.Select((s, i) => new
            {
                code = s.Code,
                order = i + 1,
                name = s.Name,
                nameEn = s.NameEn,
                materials = s.Materials.Select(m => new { code = m.Code, name = m.Name, nameEn = m.NameEn }),
            }),
        }));

    public sealed record GuideBody(string? ProjectType, string? Stage, Dictionary<string, bool>? Answers);

    [Function("CatalogItems")]
    public Task<IResult> Items([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(catalog.Items.Select(i => new
        {
            code = i.Code,
            name = i.Name,
            nameEn = i.NameEn,
            department = i.Department,
            kind = WireName.Of(i.Kind),
            procedure = WireName.Of(i.Procedure),
            stage = i.Stage is { } stage ? WireName.Of(stage) : null,
            timeLimitWorkingDays = i.TimeLimitWorkingDays,
            timeLimitSource = i.TimeLimitSource,
            commitmentAllowed = i.CommitmentAllowed,
            commitmentClass = i.CommitmentClass is { } c ? WireName.Of(c) : null,
            autoApprove = i.AutoApprove,
            materials = i.Materials.Select(m => new
            {
                code = m.Code,
                name = m.Name,
                required = m.Required,
                commitable = m.Commitable,
                key = m.Key,
                commitmentClass = m.CommitmentClass is { } mc ? WireName.Of(mc) : null,
            }),
            verification = i.Verification is { } v
                ? new { department = v.Department, withinWorkingDays = v.WithinWorkingDays, sampling = WireName.Of(v.Sampling), source = v.Source }
                : null,
        })));

    /// <summary>Every number officials set, each with its source (a seed and measure, or "local default, configurable").</summary>
    [Function("Policy")]
    public Task<IResult> Policy([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "policy")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(new
        {
            catalog = new { source = catalog.Source, sourceFile = catalog.SourceFile },
            intake,
            jointAcceptance,
        }));

    [Function("CatalogDepartments")]
    public Task<IResult> Departments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/departments")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(catalog.Departments.Select(d => new { code = d.Code, name = d.Name, nameEn = d.NameEn })));

    [JsonRequestBody(typeof(GuideBody))]
    [Function("Guide")]
    public Task<IResult> Guide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "guide")] HttpRequest request) =>
        http.RunAsync<GuideBody>(request, Access.Anonymous, (_, body) =>
        {
            var stage = body.Stage ?? "construction";
            var problems = new ValidationProblem();
            if (!guide.Stages.Contains(stage)) problems.Add("stage", $"stage must be one of {string.Join(", ", guide.Stages)}.");
            if (body.ProjectType is { } type && !ProjectTypes.All.Contains(type)) problems.Add("projectType", $"projectType must be one of {string.Join(", ", ProjectTypes.All)}.");
            if (problems.HasErrors) return Task.FromResult(problems.ToResult());
            var answer = guide.Advise(stage, body.ProjectType, body.Answers ?? [])!;
            return Task.FromResult(Results.Ok(new
            {
                items = answer.Items,
                materials = answer.Materials,
                steps = answer.Steps,
                questions = guide.Questions(stage).Select(q => new { key = q.Key, text = q.Text, @default = q.Default }),
            }));
        });
}
