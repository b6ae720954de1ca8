namespace Approvals.Intake;

/// <summary>
/// The bounds the domain puts on every number, string and list of a submission (issue 14, defect 13): a building's
/// floor area and height are finite and plausible, names and codes are length-limited plain text, lists are short.
/// Each violation is one field problem, reported with all the others.
/// </summary>
internal static class SubmissionBounds
{
    /// <summary>Above the largest buildings in use (about 2 million m²).</summary>
    public const double MaxFloorArea = 5_000_000;

    /// <summary>Above the tallest building in use (828 m).</summary>
    public const double MaxHeight = 1_000;

    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 64;
    public const int MaxItems = 50;
    public const int MaxMaterials = 300;
    public const int MaxCommitments = 100;

    public static void Check(Submission s, IntakeProblems problems)
    {
        Text(problems, "applicant.name", s.Applicant?.Name, MaxNameLength);
        Text(problems, "applicant.uscc", s.Applicant?.Uscc, MaxCodeLength);
        if (s.Project is { } p)
        {
            Text(problems, "project.name", p.Name, MaxNameLength);
            Text(problems, "project.code", p.Code, MaxCodeLength);
            if (p.FloorArea is { } area && (!double.IsFinite(area) || area > MaxFloorArea))
            {
                problems.Add("project.floorArea", $"建筑面积须为不超过 {MaxFloorArea:0} 平方米的有限数 / project.floorArea (m²) must be a finite number of at most {MaxFloorArea:0}.");
            }
            if (p.Height is { } height && (!double.IsFinite(height) || height > MaxHeight))
            {
                problems.Add("project.height", $"建筑高度须为不超过 {MaxHeight:0} 米的有限数 / project.height (m) must be a finite number of at most {MaxHeight:0}.");
            }
        }
        Text(problems, "unit", s.Unit, MaxNameLength);
        Count(problems, "items", s.Items?.Count, MaxItems);
        Count(problems, "materials", s.Materials?.Count, MaxMaterials);
        Count(problems, "commitments", s.Commitments?.Count, MaxCommitments);
        for (var i = 0; i < Math.Min(s.Items?.Count ?? 0, MaxItems); i++) Text(problems, $"items[{i}]", s.Items![i], MaxCodeLength);
        for (var i = 0; i < Math.Min(s.Materials?.Count ?? 0, MaxMaterials); i++) Text(problems, $"materials[{i}].materialCode", s.Materials![i]?.MaterialCode, MaxCodeLength);
        for (var i = 0; i < Math.Min(s.Commitments?.Count ?? 0, MaxCommitments); i++) Text(problems, $"commitments[{i}].materialCode", s.Commitments![i]?.MaterialCode, MaxCodeLength);
    }

    private static void Text(IntakeProblems problems, string field, string? value, int maxLength)
    {
        if (TextRules.Problem(value, maxLength) is { } problem) problems.Add(field, $"{field}: {problem}");
    }

    private static void Count(IntakeProblems problems, string field, int? count, int max)
    {
        if (count > max) problems.Add(field, $"最多 {max} 项 / {field} takes at most {max} entries (got {count}).");
    }
}
