using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approvals.Intake;

/// <summary>
/// The policy numbers intake applies (risk points, sampling ratios, credit periods, lights). They live in
/// <c>Data/policy.json</c> and configuration, never in code, because officials change them; each names its source in
/// <see cref="Sources"/>. Most are local defaults the seeds do not set.
/// </summary>
public sealed record IntakePolicy
{
    public RiskPolicy Risk { get; init; } = new();
    public SamplingPolicy Sampling { get; init; } = new();
    public CreditPolicy Credit { get; init; } = new();

    /// <summary>Working days an applicant has to answer a one-time notice (一次性告知) before the application closes as withdrawn.</summary>
    public int CorrectionPeriodWorkingDays { get; init; } = 20;

    /// <summary>When lights turn yellow and when a commitment is "due soon".</summary>
    public LightPolicy Lights { get; init; } = new();

    /// <summary>
    /// Where each number comes from, by its path (<c>risk.typePoints</c>, <c>credit.brokenBarMonths</c>…): a seed and
    /// measure, or "local default, configurable". Every path of <see cref="NumberPaths"/> must have one.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The numbers of this policy that must name their source.</summary>
    public static IReadOnlyList<string> NumberPaths { get; } =
    [
        "risk.typePoints", "risk.floorAreaSquareMetres", "risk.heightMetres", "risk.levelPoints", "risk.mediumFromScore",
        "risk.highFromScore", "risk.alwaysHighAboveHeightMetres", "simpleLowRisk", "sampling.ratios", "sampling.lowFireRiskFilingRatio",
        "sampling.goodCreditFactor", "credit.brokenBarMonths", "credit.brokenRepairAfterMonths", "credit.falseBarMonths",
        "credit.falseRepairAfterMonths", "credit.goodRecordMonths", "correctionPeriodWorkingDays", "lights.yellowShare",
        "lights.dueSoonWorkingDays",
    ];

    /// <summary>The policy shipped in the assembly.</summary>
    public static IntakePolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<IntakePolicy> EmbeddedPolicy = new(() =>
    {
        using var stream = typeof(IntakePolicy).Assembly.GetManifestResourceStream("Approvals.Data.policy.json")
            ?? throw new InvalidOperationException("Embedded resource Approvals.Data.policy.json is missing.");
        return Parse(stream);
    });

    /// <summary>Reads a policy file, checking that every number is usable; all problems are reported at once.</summary>
    public static IntakePolicy Parse(Stream json)
    {
        var policy = JsonSerializer.Deserialize<IntakePolicy>(json, Options)
            ?? throw new InvalidDataException("The policy file is empty.");
        var problems = policy.Problems().ToList();
        return problems.Count == 0 ? policy : throw new InvalidDataException("Invalid policy: " + string.Join("; ", problems));
    }

    public IEnumerable<string> Problems()
    {
        foreach (var (level, ratio) in Sampling.Ratios)
        {
            if (ratio is < 0 or > 1) yield return $"sampling.ratios.{level} must be between 0 and 1";
        }
        foreach (var level in RiskLevels.All)
        {
            if (!Sampling.Ratios.ContainsKey(level)) yield return $"sampling.ratios.{level} is missing";
        }
        if (Risk.MediumFromScore >= Risk.HighFromScore) yield return "risk.mediumFromScore must be below risk.highFromScore";
        if (Credit.BrokenRepairAfterMonths > Credit.BrokenBarMonths) yield return "credit.brokenRepairAfterMonths exceeds credit.brokenBarMonths";
        if (Credit.FalseRepairAfterMonths > Credit.FalseBarMonths) yield return "credit.falseRepairAfterMonths exceeds credit.falseBarMonths";
        if (CorrectionPeriodWorkingDays < 1) yield return "correctionPeriodWorkingDays must be at least 1";
        if (Lights.YellowShare is <= 0 or >= 1) yield return "lights.yellowShare must be between 0 and 1 (exclusive)";
        if (Lights.DueSoonWorkingDays < 1) yield return "lights.dueSoonWorkingDays must be at least 1";
        foreach (var path in NumberPaths.Where(p => !Sources.TryGetValue(p, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            yield return $"sources.{path} is missing: name the seed and measure, or \"local default, configurable\"";
        }
        foreach (var path in Sources.Keys.Except(NumberPaths)) yield return $"sources.{path} names no number of the policy";
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}

/// <summary>Risk grading (分级分类监管, measure 29): points per factor, summed into low / medium / high.</summary>
public sealed record RiskPolicy
{
    public IReadOnlyDictionary<string, int> TypePoints { get; init; } = new Dictionary<string, int>();

    /// <summary>Floor areas (m²) from which the project earns 1 and 2 points.</summary>
    public IReadOnlyList<double> FloorAreaSquareMetres { get; init; } = [10000, 50000];

    /// <summary>Heights (m) above which the project earns 1 and 2 points (24 m: high-rise; 100 m: super high-rise).</summary>
    public IReadOnlyList<double> HeightMetres { get; init; } = [24, 100];

    /// <summary>Points for occupant density, technical complexity and participating companies given as low / medium / high.</summary>
    public IReadOnlyDictionary<string, int> LevelPoints { get; init; } = new Dictionary<string, int>();

    public int MediumFromScore { get; init; } = 3;
    public int HighFromScore { get; init; } = 6;

    /// <summary>A building above this height is high risk whatever its other factors.</summary>
    public double AlwaysHighAboveHeightMetres { get; init; } = 100;
}

/// <summary>Sampling (双随机一公开) ratios per risk level; low-fire-risk filing samples less (measure 8).</summary>
public sealed record SamplingPolicy
{
    public IReadOnlyDictionary<string, double> Ratios { get; init; } = new Dictionary<string, double>();
    public double LowFireRiskFilingRatio { get; init; } = 0.03;

    /// <summary>The fire-acceptance filing items (消防验收备案) whose low-risk commitments use <see cref="LowFireRiskFilingRatio"/>.</summary>
    public IReadOnlyList<string> LowFireRiskFilingItems { get; init; } = [];

    /// <summary>Applicants of good credit (grade A) are sampled at this share of the usual ratio.</summary>
    public double GoodCreditFactor { get; init; } = 0.5;
}

/// <summary>Lights (亮灯管理): the share of a limit after which a task turns yellow, and the reminder horizon of the commitment audit.</summary>
public sealed record LightPolicy
{
    public double YellowShare { get; init; } = 0.8;
    public int DueSoonWorkingDays { get; init; } = 3;
}

/// <summary>Credit periods (国办发〔2025〕22号): how long a bad record bars the commitment route and when repair may be asked.</summary>
public sealed record CreditPolicy
{
    public int BrokenBarMonths { get; init; } = 12;
    public int BrokenRepairAfterMonths { get; init; } = 3;
    public int FalseBarMonths { get; init; } = 36;
    public int FalseRepairAfterMonths { get; init; } = 12;
    public int GoodRecordMonths { get; init; } = 36;
}
