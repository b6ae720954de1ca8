namespace Approvals.Intake;

/// <summary>The three risk levels of graded supervision (分级分类监管).</summary>
public static class RiskLevels
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High];
}
