using Approvals.Identity;

namespace Approvals.Utilities;

/// <summary>
/// Checks the one form of a utilities joint application (every problem at once) and fans it out: one track per utility,
/// each with its matters, its published limits and the fee standard for the quantity asked.
/// </summary>
public sealed class UtilityPlanner(UtilityPolicy policy)
{
    public const int MaxProjectNameLength = 100;

    public UtilityPlanResult Plan(string caseId, string uscc, UtilityRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (!ProjectCode.TryParse(request.ProjectCode?.Trim(), out var code, out var codeError)) Add("projectCode", $"项目代码无效 / project code: {codeError}");
        var name = request.ProjectName?.Trim() ?? "";
        if (name.Length == 0) Add("projectName", "请填写项目名称 / projectName is required.");
        else if (name.Length > MaxProjectNameLength) Add("projectName", $"项目名称最多 {MaxProjectNameLength} 字 / projectName is at most {MaxProjectNameLength} characters.");

        var window = policy.Window(request.Window?.Trim() ?? "district-hall");
        if (window is null) Add("window", $"受理窗口 '{request.Window}' 不存在 / window must be one of {string.Join(", ", policy.Windows.Select(w => w.Code))}.");

        var tracks = new List<UtilityTrackPlan>();
        var wanted = request.Utilities ?? [];
        if (wanted.Count == 0) Add("utilities", "请至少选择一项公用事业 / choose at least one utility.");
        for (var i = 0; i < wanted.Count; i++)
        {
            var field = $"utilities[{i}]";
            var utility = policy.Utility(wanted[i].Code?.Trim() ?? "");
            if (utility is null)
            {
                Add($"{field}.code", $"'{wanted[i].Code}' 不是公用事业单位 / code must be one of {string.Join(", ", policy.Utilities.Select(u => u.Code))}.");
                continue;
            }
            if (tracks.Any(t => t.Utility == utility.Code))
            {
                Add($"{field}.code", $"{utility.Code} 重复 / {utility.Code} is listed twice.");
                continue;
            }
            if (wanted[i].Quantity is not { } quantity || quantity <= 0 || quantity > utility.MaxQuantity)
            {
                Add($"{field}.quantity", $"{utility.Name}需求量须在 0 到 {utility.MaxQuantity} {utility.QuantityUnit} 之间 / quantity must be above 0 and at most {utility.MaxQuantity} {utility.QuantityUnit}.");
                continue;
            }
            tracks.Add(new UtilityTrackPlan(utility.Code, utility.Name, utility.NameEn, utility.Matters, quantity, utility.QuantityUnit,
                utility.FeeStandard(quantity), utility.SurveyWorkingDays, utility.CompleteWorkingDays, utility.ConnectWorkingDays));
        }
        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new UtilityPlan
        {
            CaseId = caseId,
            Uscc = uscc.ToUpperInvariant(),
            ProjectCode = code.Value,
            ProjectName = name,
            Window = window!,
            PlannedStartOn = request.PlannedStartOn,
            SubmittedAt = now,
            Lead = policy.Lead,
            JointSurvey = policy.JointSurvey,
            Tracks = tracks,
        }, new Dictionary<string, string[]>());
    }
}
