using Approvals.Identity;
using Approvals.Intake;

namespace Approvals.StagedPermits;

/// <summary>
/// The rules of a staged construction permit (分段办理施工许可, SD 18): the general contractor is fixed first and stays
/// the same for every stage; stage k only after stage k−1 holds a valid permit; a stage is asked for once.
/// </summary>
public static class StagedPermitRules
{
    /// <summary>Checks the stage and contractor fields; the stage and its order when the stage is known.</summary>
    public static (PermitStage Stage, int Order)? CheckShape(Submission s, StagedPermitPolicy policy, IntakeProblems problems)
    {
        var found = policy.Find(s.Stage);
        if (found is null) problems.Add("stage", $"分段施工许可须注明阶段 / stage must be one of {policy.StageList} for a staged permit.");
        if (s.Contractor is not { } contractor)
        {
            problems.Add("contractor", "须先确定施工总承包单位 / contractor {uscc, name}: the general contractor must be fixed before a staged permit.");
        }
        else
        {
            if (!Uscc.TryParse(contractor.Uscc, out _, out var error)) problems.Add("contractor.uscc", error);
            if (string.IsNullOrWhiteSpace(contractor.Name)) problems.Add("contractor.name", "contractor.name is required.");
        }
        if (s.Items is { } items && !items.Contains(policy.Item, StringComparer.Ordinal))
        {
            problems.Add("items", $"a staged permit is a permit for one stage: items must include {policy.Item}.");
        }
        return found;
    }

    /// <summary>Why the project cannot ask for this stage now (409), or null.</summary>
    public static string? Conflict(StagedPermitPolicy policy, PermitStage stage, int order, string contractorUscc, IReadOnlyList<EarlierStage> earlier)
    {
        var live = earlier.Where(e => e.PermitValid || e.Status is "submitted" or "under-review" or "awaiting-corrections").ToList();
        if (live.FirstOrDefault(e => e.Stage == stage.Code) is { } same)
        {
            return $"本项目已申请“{stage.Name}”阶段（{same.ApplicationId}）/ stage {stage.Code} of this project was applied for already in {same.ApplicationId} ({same.Status})";
        }
        if (live.FirstOrDefault(e => !string.Equals(e.ContractorUscc, contractorUscc, StringComparison.Ordinal)) is { } first)
        {
            return $"施工总承包单位已确定为 {first.ContractorName}（{first.ContractorUscc}）/ the general contractor of this project was fixed as {first.ContractorName} ({first.ContractorUscc}) in {first.ApplicationId}; every stage names the same one";
        }
        if (order == 1) return null;
        var previous = policy.Stages[order - 2];
        return earlier.Any(e => e.Stage == previous.Code && e.PermitValid) ? null
            : $"须先取得第 {order - 1} 阶段“{previous.Name}”施工许可 / stage {order} ({stage.Code}) needs a valid permit for stage {order - 1} ({previous.Code}) first";
    }

    /// <summary>The stage's own name on the permit and the certificate: never a whole-project permit.</summary>
    public static string PermitName(string itemName, StagedPermitPolicy policy, PermitStage stage, int order) =>
        $"{itemName}（分段第 {order}/{policy.Stages.Count} 段：{stage.Name}，仅限本阶段）/ Construction permit, stage {order} of {policy.Stages.Count}: {stage.NameEn} (this stage only, not the whole project)";
}
