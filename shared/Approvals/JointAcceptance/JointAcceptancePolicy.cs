namespace Approvals.JointAcceptance;

/// <summary>
/// The numbers of joint completion acceptance that officials set: time plans by type and risk, the registration cap,
/// the rectification period, which items the certification steps stand for. Loaded from
/// <c>Data/joint-acceptance-policy.json</c> (or configuration) by <see cref="JointAcceptancePolicyLoader"/>, validated at load.
/// </summary>
public sealed record JointAcceptancePolicy
{
    /// <summary>Time plans, first match wins; the last one must apply to every request.</summary>
    public required IReadOnlyList<AcceptanceTimePlan> TimePlans { get; init; }

    /// <summary>First registration must be done within this many working days (验登合一, measure 10).</summary>
    public int RegistrationMaxWorkingDays { get; init; } = 3;

    /// <summary>Working days the applicant has to rectify failed items before the acceptance is closed as withdrawn.</summary>
    public int RectificationPeriodWorkingDays { get; init; } = 20;

    /// <summary>How often a blocked acceptance looks again at the project's open commitments (also on demand by signal).</summary>
    public int CommitmentRecheckHours { get; init; } = 24;

    /// <summary>The hour (Asia/Shanghai) of the joint site inspection appointment on its due day.</summary>
    public int SiteInspectionHour { get; init; } = 9;

    /// <summary>The catalog item whose acceptance leads to the archive certificate (档案验收).</summary>
    public string ArchiveItem { get; init; } = "JA-ARCHIVES";

    /// <summary>The catalog item done as the first-registration step (不动产首次登记), not inspected on site.</summary>
    public string RegistrationItem { get; init; } = "JA-FIRST-REGISTRATION";

    /// <summary>
    /// The items a key project (重点项目) must apply for together (Qingdao 2022 三(七): 第一阶段, "对省市区重点项目，建设单位应同时
    /// 申请第一阶段的联合验收事项"); an item of a <see cref="OneOf"/> group counts for its group. They may span the early
    /// and late stages of the catalog (archives acceptance is late in Jinan's split).
    /// </summary>
    public IReadOnlyList<string> KeyProjectItems { get; init; } = [];

    /// <summary>The civil-air-defence filing (人防工程竣工验收备案): demanded of a key project only when it has such works.</summary>
    public string CivilAirDefenceItem { get; init; } = "JA-CIVILDEF";

    /// <summary>Groups of alternative items of which an acceptance takes one (e.g. fire acceptance or fire filing); the first is the default.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OneOf { get; init; } = [];

    /// <summary>
    /// Where each number or rule comes from, by name (<see cref="SourcedNames"/>): a seed and measure, or "local default,
    /// configurable". Each time plan names its own in <see cref="AcceptanceTimePlan.Source"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The numbers and rules of this policy that must name their source.</summary>
    public static IReadOnlyList<string> SourcedNames { get; } =
    [
        "registrationMaxWorkingDays", "rectificationPeriodWorkingDays", "commitmentRecheckHours", "siteInspectionHour",
        "keyProjectItems", "oneOf", "certificationOrder", "combinedStages",
    ];

    /// <summary>The policy shipped in the assembly.</summary>
    public static JointAcceptancePolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<JointAcceptancePolicy> EmbeddedPolicy = new(JointAcceptancePolicyLoader.LoadEmbedded);

    /// <summary>The first time plan whose condition the request meets.</summary>
    public AcceptanceTimePlan TimePlanFor(JointAcceptanceRequest request, AcceptanceStageChoice stages) =>
        TimePlans.First(p => p.When.Matches(request, stages));
}
