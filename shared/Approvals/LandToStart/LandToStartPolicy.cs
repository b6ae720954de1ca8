namespace Approvals.LandToStart;

/// <summary>
/// Land-to-start (拿地即开工, Jining 2020 三(二); Qingdao 三(五); Liaocheng) as officials set it: the lead bureau, the
/// pre-land steps in their order with their departments and limits, the four documents of the contract day with the plan
/// conditions (规划条件) and materials each simulated opinion (模拟审批意见) rests on. Loaded from
/// <c>Data/land-to-start-policy.json</c> by <see cref="LandToStartPolicyLoader"/>; every group names its source.
/// </summary>
public sealed record LandToStartPolicy
{
    public required LandBody Lead { get; init; }
    public required LandBody InvestmentPromotion { get; init; }
    public required IReadOnlyList<PreLandStep> Steps { get; init; }
    public required IReadOnlyList<ContractDocument> Documents { get; init; }
    public required IReadOnlyList<LandMaterial> Materials { get; init; }
    public required IReadOnlyList<string> Conditions { get; init; }
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<string> SourcedNames { get; } = ["lead", "investmentPromotion", "steps", "documents", "materials", "conditions"];

    public static LandToStartPolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<LandToStartPolicy> EmbeddedPolicy = new(LandToStartPolicyLoader.LoadEmbedded);

    public PreLandStep? Step(string key) => Steps.FirstOrDefault(s => s.Key == key);

    public ContractDocument? Document(string key) => Documents.FirstOrDefault(d => d.Key == key);
}

public sealed record LandBody(string Code, string Name, string? NameEn);

public sealed record LandMaterial(string Code, string Name, string? NameEn);

/// <summary>A step before the land contract: its department, its limit in working days, the steps that must be done before it opens.</summary>
public sealed record PreLandStep(string Key, string Name, string NameEn, string Department, int WorkingDays, IReadOnlyList<string> After, bool SkippedWhenSoldWithDesignScheme = false);

/// <summary>One of the four documents that issue on the contract day (多证齐发), and what its simulated opinion rests on.</summary>
public sealed record ContractDocument(string Key, string Name, string NameEn, string Department, IReadOnlyList<string> Conditions, IReadOnlyList<string> Materials);
