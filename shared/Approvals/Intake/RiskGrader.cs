namespace Approvals.Intake;

/// <summary>
/// Grades a project's risk (分级分类监管, measure 29) from its type, scale, height, occupant density, technical
/// complexity and participating companies (参建单位), by the points of <see cref="RiskPolicy"/>.
/// </summary>
public sealed class RiskGrader(RiskPolicy policy)
{
    /// <summary>Grades a validated project (unknown words earn no points).</summary>
    public RiskAssessment Grade(ProjectInput project)
    {
        var reasons = new List<string>();
        var score = 0;
        void Add(int points, string reason)
        {
            if (points == 0) return;
            score += points;
            reasons.Add($"{reason} +{points}");
        }

        Add(policy.TypePoints.GetValueOrDefault(project.Type ?? "", 0), $"type {project.Type}");
        Add(policy.FloorAreaSquareMetres.Count(t => (project.FloorArea ?? 0) >= t), $"floor area {project.FloorArea} m²");
        Add(policy.HeightMetres.Count(t => (project.Height ?? 0) > t), $"height {project.Height} m");
        Add(policy.LevelPoints.GetValueOrDefault(project.OccupantDensity ?? "", 0), $"occupant density {project.OccupantDensity}");
        Add(policy.LevelPoints.GetValueOrDefault(project.TechnicalComplexity ?? "", 0), $"technical complexity {project.TechnicalComplexity}");
        Add(policy.LevelPoints.GetValueOrDefault(project.ParticipatingCompanies ?? "", 0), $"参建单位 participating companies {project.ParticipatingCompanies}");

        var level = score >= policy.HighFromScore ? RiskLevels.High : score >= policy.MediumFromScore ? RiskLevels.Medium : RiskLevels.Low;
        if ((project.Height ?? 0) > policy.AlwaysHighAboveHeightMetres && level != RiskLevels.High)
        {
            level = RiskLevels.High;
            reasons.Add($"above {policy.AlwaysHighAboveHeightMetres} m: always high");
        }
        return new RiskAssessment(level, score, reasons);
    }
}
