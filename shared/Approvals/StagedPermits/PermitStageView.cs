namespace Approvals.StagedPermits;

/// <summary>
/// The stage a staged construction permit covers (k of n) and the general contractor fixed for the project: shown in the
/// status and on the certificate, which never reads as a whole-project permit.
/// </summary>
public sealed record PermitStageView(string Code, int Order, int Of, string Name, string NameEn, string ContractorUscc, string ContractorName);
