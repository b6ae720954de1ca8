namespace Approvals.Supervision;

/// <summary>
/// Business openings (开户即开业) in the month: cases submitted, cases whose licence and permits issued at one instant
/// (证照同发), post-checks recorded verified or broken, permits revoked, and post-checks past their due date unrecorded.
/// </summary>
public sealed record BusinessOpeningFigures(int Opened, int IssuedSameInstant, int PostChecksVerified, int PostChecksBroken, int PermitsRevoked, int PostChecksOverdue);
