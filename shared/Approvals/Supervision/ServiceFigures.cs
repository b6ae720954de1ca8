namespace Approvals.Supervision;

/// <summary>
/// The seed systems of service in the month (月度报告, measure 37): calls answered and escalated (呼叫即回应), utilities
/// joint applications (联合报装), direct-train bookings (直通车), land-to-start cases (拿地即开工) and steward warnings (预警).
/// </summary>
public sealed record ServiceFigures(CallFigures Calls, UtilityFigures Utilities, DirectServiceFigures DirectService, LandToStartFigures LandToStart, WarningFigures Warnings);

public sealed record CallFigures(int Registered, int Answered, int AnsweredLate, int Escalated, int Reopened, int Closed);

public sealed record UtilityFigures(int Submitted, int Completed, int DoneAfterPlannedStart, int Connected, int Escalations);

public sealed record DirectServiceFigures(int Booked, int ContactedLate, int ApprovedOnSite, int SentToHall, int ExtremeGapSupplied, int ExtremeGapRevoked);

public sealed record LandToStartFigures(int Applied, int ContractsSigned, int FourIssuedOnContractDay, int ReviewedAgain);

public sealed record WarningFigures(int ToOwners, int ToLeadDepartments, int NodesDone, int NodesDoneLate);
