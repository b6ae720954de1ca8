using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.Calls;

/// <summary>
/// What the unit and the enterprise do to a running call. Each command checks the published status first (existence,
/// ownership, the unit, the state), then raises the round's event. Closing (销号) comes only through a rating of an
/// answer the enterprise has been shown: before that, rating is refused (409).
/// </summary>
public sealed class CallCommands(DurableTaskClient client, TimeProvider timeProvider)
{
    public const int MaxTextLength = 2000;
    public const int MaxCommentLength = 500;

    /// <summary>The call's status, or null when there is no such call.</summary>
    public async Task<CallStatusView?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        if (!callId.StartsWith(CallQueries.IdPrefix, StringComparison.Ordinal)) return null;
        var instance = await client.GetInstanceAsync(callId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<CallStatusView>();
    }

    /// <summary>The assigned unit answers the current round: solved or explained, with the text shown to the enterprise.</summary>
    public async Task<CommandResult> AnswerAsync(string callId, string callerUnit, string outcome, string text, string? answeredBy, CancellationToken cancellationToken = default)
    {
        if (outcome is not ("solved" or "explained")) return new(CommandOutcome.Invalid, $"outcome 须为 solved 或 explained / outcome must be solved or explained, not '{outcome}'");
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength) return new(CommandOutcome.Invalid, $"答复内容必填，最多 {MaxTextLength} 字 / text is required, at most {MaxTextLength} characters");
        var view = await GetAsync(callId, cancellationToken);
        if (view is null) return NotFound(callId);
        if (!string.Equals(view.Unit, callerUnit, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"呼叫 {callId} 交办给 {view.Unit}，不是 {callerUnit} / call {callId} is assigned to {view.Unit}, not {callerUnit}");
        }
        if (view.Status is not ("assigned" or "escalated"))
        {
            return new(CommandOutcome.Conflict, $"呼叫 {callId} 当前为 {view.Status}，无待答复事项 / call {callId} is {view.Status}: no answer is awaited");
        }
        await client.RaiseEventAsync(callId, CallSignals.Answer(view.Round),
            new CallAnswer(view.Unit, outcome, text.Trim(), answeredBy, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{view.Unit} {outcome} round {view.Round}");
    }

    /// <summary>
    /// The enterprise rates the answer it was shown: satisfied closes the call (销号), unsatisfied (with a comment) reopens
    /// it. No answer shown yet, or already closed: 409.
    /// </summary>
    public async Task<CommandResult> RateAsync(string callId, string callerUscc, string rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (rating is not ("satisfied" or "unsatisfied")) return new(CommandOutcome.Invalid, $"rating 须为 satisfied 或 unsatisfied / rating must be satisfied or unsatisfied, not '{rating}'");
        if (rating == "unsatisfied" && string.IsNullOrWhiteSpace(comment)) return new(CommandOutcome.Invalid, "不满意请说明原因 / say why the answer is unsatisfactory (comment)");
        if (comment is { Length: > MaxCommentLength }) return new(CommandOutcome.Invalid, $"comment 最多 {MaxCommentLength} 字 / comment is at most {MaxCommentLength} characters");
        var view = await GetAsync(callId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase)) return NotFound(callId);
        if (view.Status == "closed") return new(CommandOutcome.Conflict, $"呼叫 {callId} 已销号 / call {callId} is closed already");
        if (view.Status != "answered")
        {
            return new(CommandOutcome.Conflict, $"呼叫 {callId} 尚无向企业展示的答复，不能评价或销号 / call {callId} has no answer shown to the enterprise yet: it cannot be rated or closed");
        }
        await client.RaiseEventAsync(callId, CallSignals.Rating(view.Round), new CallRating(rating, comment?.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted(rating == "satisfied" ? "销号 / the call will be closed" : "重新办理 / the call is reopened for a new answer");
    }

    private static CommandResult NotFound(string callId) => new(CommandOutcome.NotFound, $"呼叫 {callId} 不存在 / call {callId} does not exist");
}
