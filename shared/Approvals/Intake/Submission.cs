namespace Approvals.Intake;

/// <summary>
/// A submission as the portal sends it (api.md, <c>POST /api/applications</c>): one form (一张表单) and one set of
/// materials (一套材料) for several items. Every field is nullable because it is untrusted input; intake names
/// every problem at once.
/// </summary>
public sealed record Submission
{
    public ApplicantInput? Applicant { get; init; }
    public ProjectInput? Project { get; init; }
    public string? Procedure { get; init; }
    public IReadOnlyList<string?>? Items { get; init; }
    public IReadOnlyList<MaterialInput?>? Materials { get; init; }
    public IReadOnlyList<CommitmentInput?>? Commitments { get; init; }

    /// <summary>Joint acceptance only: <c>early</c>, <c>late</c> or <c>combined</c>.</summary>
    public string? AcceptanceStages { get; init; }

    /// <summary>Joint acceptance only: a unit of the project with independent use, accepted on its own.</summary>
    public string? Unit { get; init; }

    /// <summary>Staged permit only (分段办理施工许可): <c>foundation-pit</c>, <c>basement</c> or <c>above-ground</c>.</summary>
    public string? Stage { get; init; }

    /// <summary>Staged permit only: the general contractor (施工总承包单位), fixed before the first stage.</summary>
    public ApplicantInput? Contractor { get; init; }
}

/// <summary>The applicant (建设单位) by its unified social credit code.</summary>
public sealed record ApplicantInput(string? Uscc, string? Name);

/// <summary>The project and the facts risk grading reads.</summary>
public sealed record ProjectInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public double? FloorArea { get; init; }
    public double? Height { get; init; }
    public string? OccupantDensity { get; init; }
    public string? TechnicalComplexity { get; init; }
    public bool? SocialInvestment { get; init; }
    public bool? KeyProject { get; init; }

    /// <summary>
    /// The risk the participating companies (参建单位: builder, designer, contractor, supervisor…) bring, from their
    /// qualifications and credit: low, medium or high (Shandong 2023 measure 29 names them among the risk factors).
    /// </summary>
    public string? ParticipatingCompanies { get; init; }

    /// <summary>Whether the project has civil-air-defence works (人防工程); joint acceptance needs their filing only then.</summary>
    public bool? CivilAirDefenceWorks { get; init; }
}

/// <summary>A material already uploaded (its id is the SHA-256 from <c>POST /api/materials</c>).</summary>
public sealed record MaterialInput(string? MaterialCode, string? MaterialId);

/// <summary>A commitment (承诺) standing in for a material.</summary>
public sealed record CommitmentInput(string? MaterialCode, string? Class);
