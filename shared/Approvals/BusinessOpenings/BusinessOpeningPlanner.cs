namespace Approvals.BusinessOpenings;

/// <summary>
/// Accepts a business opening (开户即开业): checks the request, every problem at once (no company name, no items, an
/// unknown or repeated item, a commitment item without its signed commitment, a commitment for an item not chosen),
/// and fixes the plan: the licence and each permit with its department and post-check period.
/// </summary>
public sealed class BusinessOpeningPlanner(BusinessOpeningPolicy policy)
{
    public const int MaxNameLength = 100;
    public const int MaxScopeLength = 1000;
    public const int MaxItems = 28;

    public BusinessOpeningPlanResult Plan(string caseId, string founder, BusinessOpeningRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var name = request.CompanyName?.Trim() ?? "";
        if (name.Length == 0) Add("companyName", "请填写企业名称 / companyName is required.");
        else if (name.Length > MaxNameLength) Add("companyName", $"企业名称最多 {MaxNameLength} 字 / companyName is at most {MaxNameLength} characters.");
        var scope = request.BusinessScope?.Trim() ?? "";
        if (scope.Length == 0) Add("businessScope", "请填写经营范围 / businessScope is required.");
        else if (scope.Length > MaxScopeLength) Add("businessScope", $"经营范围最多 {MaxScopeLength} 字 / businessScope is at most {MaxScopeLength} characters.");
        if (request.FounderName is { Length: > MaxNameLength }) Add("founderName", $"最多 {MaxNameLength} 字 / founderName is at most {MaxNameLength} characters.");

        var chosen = new List<InstantItem>();
        var codes = request.Items ?? [];
        if (codes.Count == 0) Add("items", $"请至少选择一个即办事项 / choose at least one instant item: {string.Join(", ", policy.Items.Select(i => i.Code))}.");
        else if (codes.Count > MaxItems) Add("items", $"最多 {MaxItems} 项 / at most {MaxItems} items.");
        foreach (var code in codes)
        {
            var item = string.IsNullOrWhiteSpace(code) ? null : policy.Item(code.Trim());
            if (item is null) Add("items", $"即办事项 '{code}' 不存在 / item '{code}' is not an instant item; one of {string.Join(", ", policy.Items.Select(i => i.Code))}.");
            else if (chosen.Contains(item)) Add("items", $"'{item.Code}' 重复 / '{item.Code}' is chosen twice.");
            else chosen.Add(item);
        }

        var signed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in request.Commitments ?? [])
        {
            var item = string.IsNullOrWhiteSpace(code) ? null : policy.Item(code.Trim());
            if (item is null || !chosen.Contains(item)) Add("commitments", $"承诺 '{code}' 不对应所选事项 / commitment '{code}' is for no chosen item.");
            else if (item.IsFiling) Add("commitments", $"'{item.Code}' 为备案，无需承诺 / '{item.Code}' is a filing: it takes no commitment.");
            else signed.Add(item.Code);
        }
        foreach (var item in chosen.Where(i => !i.IsFiling && !signed.Contains(i.Code)))
        {
            Add("commitments", $"'{item.Code}' {item.Name} 须签署承诺：{item.Commitment} / '{item.Code}' needs its commitment signed.");
        }
        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new BusinessOpeningPlan
        {
            CaseId = caseId,
            Founder = founder,
            FounderName = request.FounderName?.Trim() is { Length: > 0 } founderName ? founderName : null,
            CompanyName = name,
            BusinessScope = scope,
            SubmittedAt = now,
            Licence = policy.Licence,
            Uscc = policy.Uscc,
            Items = chosen.Select(i => new PlannedInstantItem(i.Code, i.Name, i.Permit, i.Route, i.Department, policy.Department(i.Department)!.Name,
                policy.PostCheckWorkingDays(i), i.IsFiling ? "" : i.Commitment)).ToList(),
        }, new Dictionary<string, string[]>());
    }
}
