using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.BusinessOpenings;

/// <summary>
/// What the departments do to a running business opening: record an item's post-check (事后核查). The command checks the
/// published status first (the case, the item, the department's own item, a post-check still due), then raises the
/// item's event; the first result recorded stands (409 after).
/// </summary>
public sealed class BusinessOpeningCommands(DurableTaskClient client, TimeProvider timeProvider)
{
    public const int MaxFindingLength = 2000;

    /// <summary>The case's status, or null when there is no such case.</summary>
    public async Task<BusinessOpeningStatusView?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!caseId.StartsWith(BusinessOpeningQueries.IdPrefix, StringComparison.Ordinal)) return null;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<BusinessOpeningStatusView>();
    }

    /// <summary>An inspector of the item's department records the post-check: verified, or broken with the finding.</summary>
    public async Task<CommandResult> PostCheckAsync(string caseId, string callerDepartment, string item, string outcome, string? finding, string? inspector,
        CancellationToken cancellationToken = default)
    {
        if (outcome is not ("verified" or "broken")) return new(CommandOutcome.Invalid, $"outcome 须为 verified 或 broken / outcome must be verified or broken, not '{outcome}'");
        if (outcome == "broken" && string.IsNullOrWhiteSpace(finding)) return new(CommandOutcome.Invalid, "违诺须写明核查发现 / a broken commitment needs the finding");
        if (finding is { Length: > MaxFindingLength }) return new(CommandOutcome.Invalid, $"finding 最多 {MaxFindingLength} 字 / finding is at most {MaxFindingLength} characters");
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null || !view.Concerns(callerDepartment)) return NotFound(caseId);
        var line = view.Items.FirstOrDefault(i => string.Equals(i.Code, item, StringComparison.OrdinalIgnoreCase));
        if (line is null) return new(CommandOutcome.NotFound, $"开业申请 {caseId} 不含事项 {item} / business opening {caseId} has no item {item}");
        if (!string.Equals(line.Department, callerDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"{line.Code} 由 {line.Department} 核查，不是 {callerDepartment} / {line.Code} is post-checked by {line.Department}, not {callerDepartment}");
        }
        if (line.PostCheckStatus != "due")
        {
            return new(CommandOutcome.Conflict, $"{line.Code} 的事后核查当前为 {line.PostCheckStatus}，不可再记录 / the post-check of {line.Code} is {line.PostCheckStatus}: nothing to record");
        }
        await client.RaiseEventAsync(caseId, BusinessOpeningSignals.PostCheck(line.Code),
            new PostCheckResult(line.Code, line.Department, outcome, finding?.Trim(), inspector, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{line.Code} {outcome}");
    }

    private static CommandResult NotFound(string caseId) => new(CommandOutcome.NotFound, $"开业申请 {caseId} 不存在 / business opening {caseId} does not exist");
}
