namespace Approvals.JointAcceptance;

/// <summary>
/// An application for joint completion acceptance (竣工联合验收) as intake receives it (api.md submission body with
/// <c>procedure: joint-acceptance</c>): the project, the stages chosen, optionally the items and the unit.
/// </summary>
public sealed record JointAcceptanceRequest
{
    public required string ApplicationId { get; init; }
    public required string Uscc { get; init; }
    public required string ApplicantName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }

    /// <summary>industrial, warehouse, residential, public or municipal.</summary>
    public required string ProjectType { get; init; }

    /// <summary>low, medium or high, as graded at intake (分级分类).</summary>
    public required string RiskLevel { get; init; }

    public bool SocialInvestment { get; init; }

    /// <summary>A key project (重点项目) must apply for all of Qingdao's stage 1 at once (<see cref="JointAcceptancePolicy.KeyProjectItems"/>).</summary>
    public bool KeyProject { get; init; }

    /// <summary>
    /// Whether the project has civil-air-defence works (人防工程): when true their filing is part of a key project's stage 1;
    /// when false it is left out of the default items; null when the applicant did not say.
    /// </summary>
    public bool? CivilAirDefenceWorks { get; init; }

    /// <summary>early, late or combined.</summary>
    public required string AcceptanceStages { get; init; }

    /// <summary>The items chosen; empty for every item of the chosen stages.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>A unit of the project with independent use (单位工程) accepted on its own; null for the whole project.</summary>
    public string? UnitName { get; init; }

    /// <summary>The comprehensive survey report (多测合一 竣工综合测绘报告) pushed to registration with the acceptance opinion.</summary>
    public string? SurveyResultsMaterialId { get; init; }
}
