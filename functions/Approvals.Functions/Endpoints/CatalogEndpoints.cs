using Approvals.Catalog;
using Approvals.Functions.Problems;
using Approvals.Intake;
using Approvals.JointAcceptance;

namespace Approvals.Functions.Endpoints;

/// <summary>Public catalog (事项清单) and smart guidance (智能导办).</summary>
public static class CatalogEndpoints
{
    public sealed record GuideBody(string? ProjectType, string? Stage, Dictionary<string, bool>? Answers);

    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Public").AllowAnonymous();

        group.MapGet("/catalog/items", (ItemCatalog catalog) => Results.Ok(catalog.Items.Select(i => new
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

        // Every number officials set, each with its source (a seed and measure, or "local default, configurable").
        group.MapGet("/policy", (IntakePolicy intake, JointAcceptancePolicy jointAcceptance, ItemCatalog catalog) => Results.Ok(new
        {
            catalog = new { source = catalog.Source, sourceFile = catalog.SourceFile },
            intake,
            jointAcceptance,
        }));

        group.MapGet("/catalog/departments", (ItemCatalog catalog) =>
            Results.Ok(catalog.Departments.Select(d => new { code = d.Code, name = d.Name, nameEn = d.NameEn })));

        group.MapPost("/guide", (GuideBody body, SmartGuide guide) =>
        {
            var stage = body.Stage ?? "construction";
            var problems = new ValidationProblem();
            if (!guide.Stages.Contains(stage)) problems.Add("stage", $"stage must be one of {string.Join(", ", guide.Stages)}.");
            if (body.ProjectType is { } type && !ProjectTypes.All.Contains(type)) problems.Add("projectType", $"projectType must be one of {string.Join(", ", ProjectTypes.All)}.");
            if (problems.HasErrors) return problems.ToResult();
            var answer = guide.Advise(stage, body.ProjectType, body.Answers ?? [])!;
            return Results.Ok(new
            {
                items = answer.Items,
                materials = answer.Materials,
                steps = answer.Steps,
                questions = guide.Questions(stage).Select(q => new { key = q.Key, text = q.Text, @default = q.Default }),
            });
        });
    }
}
