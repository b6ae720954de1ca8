using Approvals.Identity;

namespace Approvals.LandToStart;

/// <summary>
/// Checks a land-to-start application, every problem at once: the scope (Jining 2020 三(二): a new or extended key
/// industrial project in an industrial park that fits the spatial plan, never one with hazardous chemicals
/// (危险化学品), applied for voluntarily), the plan conditions and the materials the simulated opinions rest on.
/// </summary>
public sealed class LandToStartPlanner(LandToStartPolicy policy)
{
    public const int MaxTextLength = 100;

    public LandToStartPlanResult Plan(string caseId, string uscc, LandToStartRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var project = request.Project;
        if (!ProjectCode.TryParse(project?.Code?.Trim(), out var code, out var codeError)) Add("project.code", $"项目代码无效 / project code: {codeError}");
        var name = project?.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxTextLength) Add("project.name", $"请填写项目名称（最多 {MaxTextLength} 字） / project.name is required, at most {MaxTextLength} characters.");
        var park = project?.Park?.Trim() ?? "";
        if (park.Length is 0 or > MaxTextLength) Add("scope.park", "须位于工业园区，请填写园区名称 / the project must be in an industrial park: name it.");
        if (project?.Kind is not ("new" or "extension")) Add("scope.kind", "仅限新建或扩建项目 / only new (new) or extended (extension) projects.");
        if (project?.Industry != "industrial") Add("scope.industry", "仅限工业项目 / only industrial projects.");
        if (project?.KeyProject != true) Add("scope.keyProject", "仅限重点工业项目 / only key industrial projects.");
        if (project?.FitsSpatialPlan != true) Add("scope.fitsSpatialPlan", "须符合国土空间规划 / the project must fit the spatial plan.");
        if (project?.HazardousChemicals == true) Add("scope.hazardousChemicals", "危险化学品项目不适用拿地即开工 / hazardous-chemical projects are excluded.");
        if (!request.Voluntary) Add("scope.voluntary", "拿地即开工由企业自愿申请 / the company applies of its own will (voluntary: true).");

        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in policy.Conditions)
        {
            if (request.PlanConditions?.GetValueOrDefault(key)?.Trim() is { Length: > 0 and <= MaxTextLength } value) conditions[key] = value;
            else Add($"planConditions.{key}", $"请填写规划条件 {key} / plan condition {key} is required.");
        }
        foreach (var key in (request.PlanConditions?.Keys ?? []).Except(policy.Conditions)) Add($"planConditions.{key}", $"'{key}' 不是规划条件 / is not a plan condition: {string.Join(", ", policy.Conditions)}.");

        var materials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (material, i) in (request.Materials ?? []).Select((m, i) => (m, i)))
        {
            if (policy.Materials.All(m => m.Code != material.Code)) Add($"materials[{i}].code", $"'{material.Code}' 不是所需材料 / is not one of {string.Join(", ", policy.Materials.Select(m => m.Code))}.");
            else if (string.IsNullOrWhiteSpace(material.MaterialId)) Add($"materials[{i}].materialId", "请先上传材料 / upload it with POST /api/materials first.");
            else if (!materials.TryAdd(material.Code!, material.MaterialId.Trim())) Add($"materials[{i}].code", $"{material.Code} 重复 / is listed twice.");
        }
        foreach (var missing in policy.Materials.Where(m => !materials.ContainsKey(m.Code) && (request.Materials ?? []).All(r => r.Code != m.Code)))
        {
            Add("materials", $"缺少 {missing.Name} / {missing.Code} is missing: the simulated opinions rest on it.");
        }
        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new LandToStartPlan
        {
            CaseId = caseId,
            Uscc = uscc.ToUpperInvariant(),
            EnterpriseName = request.EnterpriseName?.Trim() is { Length: > 0 } enterprise ? enterprise[..Math.Min(enterprise.Length, MaxTextLength)] : null,
            ProjectCode = code.Value,
            ProjectName = name,
            Park = park,
            SoldWithDesignScheme = request.SoldWithDesignScheme,
            Conditions = conditions,
            Materials = materials,
            AppliedAt = now,
            Lead = policy.Lead,
            Steps = policy.Steps,
            Documents = policy.Documents.Select(d => new PlannedDocument(d, DocumentBasis.Fingerprint(d, conditions, materials))).ToList(),
        }, new Dictionary<string, string[]>());
    }
}
