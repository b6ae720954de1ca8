using Approvals.Identity;

namespace Approvals.Intake;

/// <summary>Checks the fields of a submission that need no catalog or store: presence, formats, enumerations.</summary>
internal static class SubmissionShape
{
    public const string CommitmentApproval = "commitment-approval";
    public const string JointAcceptance = "joint-acceptance";
    public static readonly string[] Levels = [RiskLevels.Low, RiskLevels.Medium, RiskLevels.High];
    public static readonly string[] Classes = ["supplement", "retained", "on-site"];
    public static readonly string[] Stages = ["early", "late", "combined"];

    public static void Check(Submission s, string? callerUscc, IntakeProblems problems)
    {
        SubmissionBounds.Check(s, problems);
        if (s.Applicant is null) problems.Add("applicant", "applicant {uscc, name} is required.");
        else
        {
            if (!Uscc.TryParse(s.Applicant.Uscc, out var uscc, out var error)) problems.Add("applicant.uscc", error);
            else if (callerUscc is not null && !string.Equals(uscc.Value, callerUscc, StringComparison.Ordinal))
            {
                problems.Add("applicant.uscc", $"{uscc.Value} is not the signed-in applicant ({callerUscc}).");
            }
            if (string.IsNullOrWhiteSpace(s.Applicant.Name)) problems.Add("applicant.name", "applicant.name is required.");
        }

        if (s.Project is not { } p) problems.Add("project", "project is required.");
        else
        {
            if (!ProjectCode.TryParse(p.Code, out _, out var error)) problems.Add("project.code", error);
            if (string.IsNullOrWhiteSpace(p.Name)) problems.Add("project.name", "project.name is required.");
            if (!ProjectTypes.All.Contains(p.Type ?? "")) problems.Add("project.type", $"project.type must be one of {string.Join(", ", ProjectTypes.All)}.");
            if (p.FloorArea is not > 0) problems.Add("project.floorArea", "project.floorArea (m²) must be a positive number.");
            if (p.Height is not >= 0) problems.Add("project.height", "project.height (m) must be zero or more.");
            if (!Levels.Contains(p.OccupantDensity ?? "")) problems.Add("project.occupantDensity", "project.occupantDensity must be low, medium or high.");
            if (!Levels.Contains(p.TechnicalComplexity ?? "")) problems.Add("project.technicalComplexity", "project.technicalComplexity must be low, medium or high.");
            if (p.ParticipatingCompanies is { } companies && !Levels.Contains(companies))
            {
                problems.Add("project.participatingCompanies", "project.participatingCompanies (参建单位 risk) must be low, medium or high when given.");
            }
        }

        if (s.Procedure is not (CommitmentApproval or JointAcceptance or StagedPermits.StagedPermitPolicy.Procedure))
        {
            problems.Add("procedure", $"procedure must be {CommitmentApproval}, {JointAcceptance} or {StagedPermits.StagedPermitPolicy.Procedure}.");
        }
        if (s.Procedure == JointAcceptance && !Stages.Contains(s.AcceptanceStages ?? ""))
        {
            problems.Add("acceptanceStages", "acceptanceStages must be early, late or combined for joint acceptance.");
        }
        if (s.Items is not { Count: > 0 }) problems.Add("items", "choose at least one item.");

        var materials = s.Materials ?? [];
        for (var i = 0; i < materials.Count; i++)
        {
            if (materials[i] is not { } m) { problems.Add($"materials[{i}]", "must be an object {materialCode, materialId}."); continue; }
            if (string.IsNullOrWhiteSpace(m.MaterialCode)) problems.Add($"materials[{i}].materialCode", "materialCode is required.");
            if (!IsSha256(m.MaterialId)) problems.Add($"materials[{i}].materialId", "materialId must be the 64-hex SHA-256 that POST /api/materials answered.");
        }
        var commitments = s.Commitments ?? [];
        for (var i = 0; i < commitments.Count; i++)
        {
            if (commitments[i] is not { } c) { problems.Add($"commitments[{i}]", "must be an object {materialCode, class}."); continue; }
            if (string.IsNullOrWhiteSpace(c.MaterialCode)) problems.Add($"commitments[{i}].materialCode", "materialCode is required.");
            if (!Classes.Contains(c.Class ?? "")) problems.Add($"commitments[{i}].class", "class must be supplement, retained or on-site.");
        }
    }

    public static bool IsSha256(string? id) => id is { Length: 64 } && id.All(char.IsAsciiHexDigitLower);
}
