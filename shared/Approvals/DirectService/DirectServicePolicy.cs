namespace Approvals.DirectService;

/// <summary>
/// The approval service direct train (审批服务直通车, Qingdao pilot 三(一)-(八)) as officials set it: the first-contact
/// limit, the centre that contacts, the key-project levels and booking channels, the teams (班长 + 2 代办员 + 2 审批员),
/// the on-site acceptance (现场受理) and on-site approval (现场审批) lists, the departments' authorisations (授权委托) with
/// their chief approvers (首席审批员), and the supply period of extreme gap acceptance (极限容缺受理). Loaded from
/// <c>Data/direct-service-policy.json</c> by <see cref="DirectServicePolicyLoader"/>; every group names its source.
/// </summary>
public sealed record DirectServicePolicy
{
    public int FirstContactWorkingDays { get; init; } = 1;
    public required DirectServiceBody Centre { get; init; }
    public required IReadOnlyList<DirectServiceBody> KeyLevels { get; init; }
    public required IReadOnlyList<DirectServiceBody> Channels { get; init; }
    public required IReadOnlyList<ServiceTeam> Teams { get; init; }
    public required IReadOnlyList<string> OnSiteAcceptance { get; init; }
    public required IReadOnlyList<string> OnSiteApproval { get; init; }
    public required IReadOnlyList<OnSiteAuthority> Authorisations { get; init; }
    public int ExtremeGapSupplyWorkingDays { get; init; } = 20;
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<string> SourcedNames { get; } =
    [
        "firstContactWorkingDays", "centre", "keyLevels", "channels", "teams", "onSiteAcceptance", "onSiteApproval", "authorisations",
        "extremeGapSupplyWorkingDays",
    ];

    public static DirectServicePolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<DirectServicePolicy> EmbeddedPolicy = new(DirectServicePolicyLoader.LoadEmbedded);

    public ServiceTeam? Team(string code) => Teams.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    public OnSiteAuthority? AuthorityOf(string department) => Authorisations.FirstOrDefault(a => string.Equals(a.Department, department, StringComparison.OrdinalIgnoreCase));

    public static DirectServiceBody? Find(IReadOnlyList<DirectServiceBody> bodies, string? code) =>
        bodies.FirstOrDefault(b => string.Equals(b.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A coded thing with a name: the centre, a key-project level, a channel.</summary>
public sealed record DirectServiceBody(string Code, string Name, string? NameEn);

/// <summary>A direct-train team: one bureau official as leader (班长), two stewards (代办员) and two approvers (审批员).</summary>
public sealed record ServiceTeam(string Code, string Name, string Leader, IReadOnlyList<string> Stewards, IReadOnlyList<string> Approvers);

/// <summary>
/// The authority behind an on-site approval: the department's signed authorisation (授权委托), the chief approver
/// (首席审批员) who decides, and the seal (2号公章) carved for it.
/// </summary>
public sealed record OnSiteAuthority(string Department, string Authorisation, string ChiefApprover, string Seal);
