namespace Approvals.Intake;

/// <summary>The risk level of a project with the points that led to it, so the grade can be explained and audited.</summary>
public sealed record RiskAssessment(string Level, int Score, IReadOnlyList<string> Reasons);
