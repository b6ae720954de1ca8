using Approvals.Applications;
using Approvals.Stores;
using Microsoft.DurableTask.Client;

namespace Approvals.Utilities;

/// <summary>
/// What a utility and the applicant do to a running joint application. Each command checks the published status (the
/// case, the utility's track, the step it awaits) before raising the event: a step out of order is 409, a fee above the
/// published standard is 400 (SD 20), and connection waits for a valid completion acceptance certificate (竣工联合验收).
/// </summary>
public sealed class UtilityCommands(DurableTaskClient client, ICertificateStore certificates, TimeProvider timeProvider)
{
    public const int MaxNoteLength = 1000;
    public const int MaxAttendees = 30;

    /// <summary>The certificate item a project must hold before any utility connects it.</summary>
    public const string AcceptanceCertificateItem = Orchestrations.JointAcceptanceRun.AcceptanceCertificateItem;

    public async Task<UtilityStatusView?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!caseId.StartsWith(UtilityQueries.IdPrefix, StringComparison.Ordinal)) return null;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<UtilityStatusView>();
    }

    /// <summary>The utility <paramref name="callerUtility"/> records the step its track awaits.</summary>
    public async Task<CommandResult> AnswerAsync(string caseId, string callerUtility, string step, string? note, IReadOnlyList<string>? attendees, decimal? fee,
        CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null) return NotFound(caseId);
        var track = view.Tracks.FirstOrDefault(t => string.Equals(t.Utility, callerUtility, StringComparison.OrdinalIgnoreCase));
        if (track is null) return new(CommandOutcome.Forbidden, $"报装 {caseId} 未申请 {callerUtility} / {caseId} asks nothing of {callerUtility}");
        if (step == UtilitySignals.Complete && fee is { } charged && charged > track.FeeStandard)
        {
            return new(CommandOutcome.Invalid, $"收费 {charged} 元高于公示标准 {track.FeeStandard} 元（{track.Quantity} {track.QuantityUnit}） / " +
                $"fee {charged} is above the published standard {track.FeeStandard} for {track.Quantity} {track.QuantityUnit} (SD 20)");
        }
        // Between two steps the track computes its next deadline; an answer for the next step in that moment is kept for it.
        var expected = track.Awaiting ?? NextStep(track.Step, view.ConnectionRequestedAt is not null);
        if (expected != step)
        {
            return new(CommandOutcome.Conflict,
                expected is not null
                    ? $"{track.Utility} 当前为 {track.Step}，下一步应为 {expected} / {track.Utility} is {track.Step}: the next step is {expected}, not {step}"
                    : step == UtilitySignals.Connected && track.Step == UtilitySignals.Complete
                        ? $"{track.Utility} 须待竣工联合验收合格、申请人申请接入后方可接入 / {track.Utility} connects only after completion acceptance, when the applicant asks to connect"
                        : $"{track.Utility} 当前为 {track.Step}，无待办步骤 / {track.Utility} is {track.Step}: nothing is awaited from it");
        }
        await client.RaiseEventAsync(caseId, UtilitySignals.Answer(track.Utility, step),
            new UtilityAnswer(track.Utility, step, timeProvider.GetUtcNow(), note?.Trim(), attendees?.Select(a => a.Trim()).ToList(), fee), cancellation: cancellationToken);
        return CommandResult.Accepted($"{track.Utility} {step}");
    }

    /// <summary>
    /// The applicant asks the utilities to connect (SD 20: connection after completion acceptance): 409 unless the project
    /// holds a valid completion acceptance certificate, and once only.
    /// </summary>
    public async Task<CommandResult> RequestConnectionAsync(string caseId, string callerUscc, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase)) return NotFound(caseId);
        if (view.ConnectionRequestedAt is not null) return new(CommandOutcome.Conflict, $"报装 {caseId} 已申请接入 / connection was asked for already");
        var issued = await certificates.ListByProjectAsync(view.ProjectCode, cancellationToken);
        var acceptance = issued.FirstOrDefault(c => c.Item == AcceptanceCertificateItem && c.Status == "valid");
        if (acceptance is null)
        {
            return new(CommandOutcome.Conflict, $"项目 {view.ProjectCode} 尚无有效的竣工联合验收意见书，不能接入 / project {view.ProjectCode} holds no valid completion " +
                "acceptance certificate: utilities connect only after completion acceptance (SD 20)");
        }
        await client.RaiseEventAsync(caseId, UtilitySignals.ConnectionRequested, new ConnectionRequest(acceptance.Number, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"接入申请已转各单位 / the utilities are asked to connect (acceptance {acceptance.Number})");
    }

    /// <summary>The step after <paramref name="step"/>: connection only once the applicant has asked for it.</summary>
    private static string? NextStep(string step, bool connectionRequested) => step switch
    {
        "forwarded" => UtilitySignals.Surveyed,
        UtilitySignals.Surveyed => UtilitySignals.Complete,
        UtilitySignals.Complete when connectionRequested => UtilitySignals.Connected,
        _ => null,
    };

    private static CommandResult NotFound(string caseId) => new(CommandOutcome.NotFound, $"报装 {caseId} 不存在 / utilities application {caseId} does not exist");
}
