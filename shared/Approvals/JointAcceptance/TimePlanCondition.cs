namespace Approvals.JointAcceptance;

/// <summary>When a time plan applies: every condition given must hold; an empty condition always holds.</summary>
public sealed record TimePlanCondition
{
    /// <summary>Project types (api.md wire names: industrial, warehouse, residential, public, municipal); null for any.</summary>
    public IReadOnlyList<string>? ProjectTypes { get; init; }

    /// <summary>Risk levels (low, medium, high); null for any.</summary>
    public IReadOnlyList<string>? RiskLevels { get; init; }

    /// <summary>Whether the project must be (or must not be) a social-investment project; null for either.</summary>
    public bool? SocialInvestment { get; init; }

    /// <summary>The stage choice (early, late, combined); null for any.</summary>
    public string? Stages { get; init; }

    /// <summary>Whether an acceptance request meets this condition.</summary>
    public bool Matches(JointAcceptanceRequest request, AcceptanceStageChoice stages) =>
        (ProjectTypes is null || ProjectTypes.Contains(request.ProjectType, StringComparer.OrdinalIgnoreCase))
        && (RiskLevels is null || RiskLevels.Contains(request.RiskLevel, StringComparer.OrdinalIgnoreCase))
        && (SocialInvestment is null || SocialInvestment == request.SocialInvestment)
        && (Stages is null || string.Equals(Stages, Catalog.WireName.Of(stages), StringComparison.Ordinal));
}
