using Approvals.Identity;

namespace Approvals.Stewardship;

/// <summary>Checks a steward's plan, every problem at once: the project code, the owner's USCC, the steward, the nodes.</summary>
public sealed class StewardPlanner(StewardPolicy policy)
{
    public const int MaxTextLength = 100;

    public StewardPlanResult Plan(string projectCode, PlanRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (!ProjectCode.TryParse(projectCode, out var code, out var codeError)) Add("code", $"项目代码无效 / project code: {codeError}");
        var uscc = request.Uscc?.Trim().ToUpperInvariant() ?? "";
        if (!Uscc.IsValid(uscc)) Add("uscc", "请填写项目单位的统一社会信用代码 / uscc: the project owner's valid unified social credit code.");
        var name = request.ProjectName?.Trim() ?? "";
        if (name.Length is 0 or > MaxTextLength) Add("projectName", $"请填写项目名称（最多 {MaxTextLength} 字） / projectName is required.");
        var steward = request.Steward?.Name?.Trim() ?? "";
        if (steward.Length is 0 or > MaxTextLength) Add("steward.name", "每个重点项目须有项目管家 / every key project has a steward: steward.name is required.");
        var phone = request.Steward?.Phone?.Trim();
        if (phone is { Length: > 20 }) Add("steward.phone", "电话最多 20 字 / at most 20 characters.");
        var lead = request.LeadDepartment is { Length: > 0 } l
            ? new StewardBody(l.Trim().ToUpperInvariant(), l.Trim().ToUpperInvariant(), null)
            : policy.LeadDepartment;

        var nodes = new List<PlannedNode>();
        var wanted = request.Nodes ?? [];
        if (wanted.Count == 0) Add("nodes", "计划至少有一个节点 / a plan has at least one node.");
        if (wanted.Count > policy.MaxNodes) Add("nodes", $"最多 {policy.MaxNodes} 个节点 / at most {policy.MaxNodes} nodes.");
        foreach (var (node, i) in wanted.Select((n, i) => (n, i)))
        {
            var at = $"nodes[{i}]";
            var problems = errors.Count;
            var key = node.Key?.Trim() ?? "";
            if (key.Length is 0 or > 40 || key.Any(c => char.IsWhiteSpace(c) || c == '/')) Add($"{at}.key", "节点键必填，最多 40 字，不含空格或 / / a key of at most 40 characters, no spaces or '/'.");
            else if (nodes.Any(n => n.Key == key) || wanted.Take(i).Any(n => n.Key?.Trim() == key)) Add($"{at}.key", $"'{key}' 重复 / is listed twice.");
            if (string.IsNullOrWhiteSpace(node.Name) || node.Name.Length > MaxTextLength) Add($"{at}.name", "请填写节点名称 / name is required.");
            var kind = policy.Kind(node.Kind);
            if (kind is null) Add($"{at}.kind", $"kind must be one of {string.Join(", ", policy.NodeKinds.Select(k => k.Code))}.");
            if (string.IsNullOrWhiteSpace(node.Owner) || node.Owner.Length > 40) Add($"{at}.owner", "请填写责任单位代码 / owner (the department, unit or intermediary responsible) is required.");
            if (node.PlannedOn is null) Add($"{at}.plannedOn", "请填写计划完成日期 / plannedOn is required.");
            if (errors.Count == problems) nodes.Add(new PlannedNode(key, node.Name!.Trim(), kind!.Code, node.Owner!.Trim().ToUpperInvariant(), node.PlannedOn!.Value));
        }
        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new StewardPlan
        {
            ProjectCode = code.Value,
            Uscc = uscc,
            ProjectName = name,
            Steward = steward,
            StewardPhone = phone,
            LeadDepartment = lead,
            LeadWarningWorkingDays = policy.LeadWarningWorkingDays,
            Nodes = nodes,
            PlannedAt = now,
        }, new Dictionary<string, string[]>());
    }
}
