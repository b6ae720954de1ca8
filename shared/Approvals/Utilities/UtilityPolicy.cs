namespace Approvals.Utilities;

/// <summary>
/// The numbers and routing of the utilities joint application (联合报装, “十二事合一”, Qingdao 三(六); SD 20, 25) that
/// officials set: the utilities (水电气暖信) with their matters, published limits and fee standards, the windows that
/// accept, the lead unit that takes escalations and the body that leads the joint site survey (联合踏勘). Loaded from
/// <c>Data/utilities-policy.json</c> by <see cref="UtilityPolicyLoader"/>; every group names its source.
/// </summary>
public sealed record UtilityPolicy
{
    public required UtilityBody Lead { get; init; }

    public required UtilityBody JointSurvey { get; init; }

    public required IReadOnlyList<UtilityBody> Windows { get; init; }

    public required IReadOnlyList<UtilityCompany> Utilities { get; init; }

    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<string> SourcedNames { get; } = ["lead", "jointSurvey", "windows", "utilities", "limits", "fees"];

    public static UtilityPolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<UtilityPolicy> EmbeddedPolicy = new(UtilityPolicyLoader.LoadEmbedded);

    public UtilityCompany? Utility(string code) => Utilities.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));

    public UtilityBody? Window(string code) => Windows.FirstOrDefault(w => string.Equals(w.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A body with a code and a name: a lead unit, a window.</summary>
public sealed record UtilityBody(string Code, string Name, string? NameEn);

/// <summary>One matter (事项) of the twelve that a utility handles.</summary>
public sealed record UtilityMatter(string Code, string Name, string? NameEn);

/// <summary>
/// A utility company: its matters, the unit its quantity is measured in, the published fee per unit (SD 20), and its
/// published limits in working days for the survey, the complete application and the connection.
/// </summary>
public sealed record UtilityCompany
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public required IReadOnlyList<UtilityMatter> Matters { get; init; }
    public required string QuantityUnit { get; init; }
    public decimal MaxQuantity { get; init; }
    public decimal FeePerUnit { get; init; }
    public int SurveyWorkingDays { get; init; }
    public int CompleteWorkingDays { get; init; }
    public int ConnectWorkingDays { get; init; }

    /// <summary>The most this utility may charge for <paramref name="quantity"/> under the published standard.</summary>
    public decimal FeeStandard(decimal quantity) => decimal.Round(FeePerUnit * quantity, 2);
}
