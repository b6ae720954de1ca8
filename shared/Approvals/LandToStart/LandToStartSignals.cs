namespace Approvals.LandToStart;

/// <summary>External events of a land-to-start case: one name per step and per document, so an answer never counts for another.</summary>
public static class LandToStartSignals
{
    public static string Step(string key) => $"land-step:{key}";

    public static string Simulated(string document) => $"land-simulated:{document}";

    public static string Formal(string document) => $"land-formal:{document}";

    public const string Contract = "land-contract";
}

/// <summary>A department records a pre-land step done.</summary>
public sealed record StepDone(string Step, string Department, string? Note, DateTimeOffset At);

/// <summary>
/// A department's opinion on a document: simulated (模拟) before the contract, on the basis named by its fingerprint, or
/// formal when the document is reviewed again after the contract. <see cref="Result"/> is pass or fail.
/// </summary>
public sealed record DocumentOpinion(string Document, string Department, string Result, string Opinion, string Basis, DateTimeOffset At);

/// <summary>The land contract (土地出让合同): its number and day, and each document's basis on that day.</summary>
public sealed record LandContract(string ContractNumber, DateOnly SignedOn, IReadOnlyDictionary<string, string> Bases, IReadOnlyDictionary<string, IReadOnlyList<string>> Changed, DateTimeOffset At);
