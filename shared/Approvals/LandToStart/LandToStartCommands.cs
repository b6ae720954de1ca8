using Approvals.Applications;
using Approvals.Calendar;
using Microsoft.DurableTask.Client;

namespace Approvals.LandToStart;

/// <summary>
/// What departments and the applicant do to a running land-to-start case. Each command checks the published status
/// first: a step only by its department while it is open; a simulated opinion before the contract, a formal one only for
/// a document under re-review; the contract only when the case is ready, on the day it is signed.
/// </summary>
public sealed class LandToStartCommands(DurableTaskClient client, LandToStartPolicy policy, TimeProvider timeProvider)
{
    public const int MaxOpinionLength = 2000;

    public async Task<LandToStartStatusView?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!caseId.StartsWith(LandToStartQueries.IdPrefix, StringComparison.Ordinal)) return null;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<LandToStartStatusView>();
    }

    /// <summary>The step's department records it done.</summary>
    public async Task<CommandResult> CompleteStepAsync(string caseId, string callerDepartment, string step, string? note, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null) return NotFound(caseId);
        var current = view.Steps.FirstOrDefault(s => s.Key == step);
        if (current is null) return new(CommandOutcome.Invalid, $"'{step}' 不是拿地前步骤 / is not a pre-land step: {string.Join(", ", view.Steps.Select(s => s.Key))}");
        if (!Same(current.Department, callerDepartment)) return new(CommandOutcome.Forbidden, $"{current.Name} 由 {current.Department} 办理 / {step} is {current.Department}'s");
        if (current.State != "open")
        {
            return new(CommandOutcome.Conflict, current.State == "waiting"
                ? $"{current.Name} 须在 {string.Join("、", current.After)} 之后 / {step} opens after {string.Join(", ", current.After)}"
                : $"{current.Name} 当前为 {current.State} / {step} is {current.State}");
        }
        await client.RaiseEventAsync(caseId, LandToStartSignals.Step(step), new StepDone(step, current.Department, note?.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{step} done");
    }

    /// <summary>The document's department gives its opinion: simulated before the contract, formal when re-reviewed after it.</summary>
    public async Task<CommandResult> GiveOpinionAsync(string caseId, string callerDepartment, string document, string result, string opinion, CancellationToken cancellationToken = default)
    {
        if (result is not ("pass" or "fail")) return new(CommandOutcome.Invalid, $"result 须为 pass 或 fail / result must be pass or fail, not '{result}'");
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null) return NotFound(caseId);
        var current = view.Documents.FirstOrDefault(d => d.Key == document);
        if (current is null) return new(CommandOutcome.Invalid, $"'{document}' 不是四证之一 / is not one of {string.Join(", ", view.Documents.Select(d => d.Key))}");
        if (!Same(current.Department, callerDepartment)) return new(CommandOutcome.Forbidden, $"{current.Name} 由 {current.Department} 出具 / {document} is {current.Department}'s");
        var signal = current.State switch
        {
            "awaiting-simulation" or "simulated-fail" => LandToStartSignals.Simulated(document),
            "re-review" => LandToStartSignals.Formal(document),
            _ => null,
        };
        if (signal is null) return new(CommandOutcome.Conflict, $"{current.Name} 当前为 {current.State}，无需意见 / {document} is {current.State}: no opinion is awaited");
        await client.RaiseEventAsync(caseId, signal, new DocumentOpinion(document, current.Department, result, opinion.Trim(), current.Basis, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted(signal == LandToStartSignals.Formal(document) ? $"{document}: formal opinion" : $"{document}: simulated opinion (模拟)");
    }

    /// <summary>
    /// The land contract, on the day it is signed: 409 unless the case is ready. Changed plan conditions or materials
    /// change the bases of the documents resting on them, and those documents are reviewed again instead of issuing.
    /// </summary>
    public async Task<(CommandResult Result, IReadOnlyDictionary<string, string[]>? Errors)> SignContractAsync(string caseId, string callerUscc, string contractNumber,
        DateOnly signedOn, IReadOnlyDictionary<string, string>? changedConditions, IReadOnlyDictionary<string, string>? changedMaterials, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(caseId, cancellationToken);
        if (view is null || !Same(view.Uscc, callerUscc)) return (NotFound(caseId), null);
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(ShanghaiTime.Local(timeProvider.GetUtcNow()).DateTime);
        if (signedOn != today) errors["signedOn"] = [$"四证在签订合同当天发放，请于签约当天（今天 {today:yyyy-MM-dd}）登记 / the documents issue on the contract day: register it on the day it is signed (today is {today:yyyy-MM-dd})."];
        foreach (var key in (changedConditions?.Keys ?? []).Except(policy.Conditions)) errors[$"planConditions.{key}"] = [$"'{key}' 不是规划条件 / is not a plan condition."];
        foreach (var code in (changedMaterials?.Keys ?? []).Where(c => policy.Materials.All(m => m.Code != c))) errors[$"materials.{code}"] = [$"'{code}' 不是所需材料 / is not one of the materials."];
        if (errors.Count > 0) return (new(CommandOutcome.Invalid, "合同登记有误 / the contract has problems"), errors);
        if (view.Status != "ready")
        {
            var missing = view.Steps.Where(s => s.State is "waiting" or "open").Select(s => s.Name)
                .Concat(view.Documents.Where(d => d.State != "simulated").Select(d => $"{d.Name}（模拟审批 / simulated opinion）")).ToList();
            return (new(CommandOutcome.Conflict, view.Status == "pre-land"
                ? $"尚未具备签约条件 / not ready for the contract: {string.Join("、", missing)}"
                : $"合同已登记 / the contract was registered already ({view.ContractNumber})"), null);
        }

        var conditions = new Dictionary<string, string>(view.Conditions);
        foreach (var (key, value) in changedConditions ?? new Dictionary<string, string>()) conditions[key] = value.Trim();
        var materials = new Dictionary<string, string>(view.Materials);
        foreach (var (code, id) in changedMaterials ?? new Dictionary<string, string>()) materials[code] = id.Trim();
        var bases = new Dictionary<string, string>();
        var changed = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var document in policy.Documents)
        {
            bases[document.Key] = DocumentBasis.Fingerprint(document, conditions, materials);
            changed[document.Key] = DocumentBasis.Changed(document, view.Conditions, view.Materials, conditions, materials);
        }
        await client.RaiseEventAsync(caseId, LandToStartSignals.Contract, new LandContract(contractNumber.Trim(), signedOn, bases, changed, timeProvider.GetUtcNow()),
            cancellation: cancellationToken);
        return (CommandResult.Accepted("合同已登记，四证当日发放 / contract registered: the documents issue today"), null);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static CommandResult NotFound(string caseId) => new(CommandOutcome.NotFound, $"拿地即开工 {caseId} 不存在 / land-to-start case {caseId} does not exist");
}
