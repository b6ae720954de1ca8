namespace Approvals.StagedPermits;

/// <summary>A stage of the project asked for before: its application, state, contractor and whether its permit is valid.</summary>
public sealed record EarlierStage(string ApplicationId, string Stage, string Status, string ContractorUscc, string ContractorName, bool PermitValid);
