namespace Approvals.BusinessOpenings;

/// <summary>
/// Opening a business on the day (开户即开业, Jining 2020 二, 三(一)) as officials set it: the instant items (即办事项) as
/// catalog data, the licence, the post-check period in working days, the departments, and the layout of the code a new
/// company gets. Loaded from <c>Data/business-opening-policy.json</c> by <see cref="BusinessOpeningPolicyLoader"/>,
/// validated at load; every number names its source.
/// </summary>
public sealed record BusinessOpeningPolicy
{
    /// <summary>What the file is and where it comes from.</summary>
    public string Source { get; init; } = "";

    /// <summary>Working days after issue within which a permit is post-checked (事后核查), unless its item says otherwise.</summary>
    public int DefaultPostCheckWorkingDays { get; init; } = 20;

    public required LicenceSpec Licence { get; init; }

    public required UsccLayout Uscc { get; init; }

    public required IReadOnlyList<OpeningDepartment> Departments { get; init; }

    public required IReadOnlyList<InstantItem> Items { get; init; }

    /// <summary>Where each number or rule comes from, by name (<see cref="SourcedNames"/>).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The numbers and rules that must name their source.</summary>
    public static IReadOnlyList<string> SourcedNames { get; } = ["defaultPostCheckWorkingDays", "licence", "uscc", "departments", "items"];

    /// <summary>The policy shipped in the assembly.</summary>
    public static BusinessOpeningPolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<BusinessOpeningPolicy> EmbeddedPolicy = new(BusinessOpeningPolicyLoader.LoadEmbedded);

    /// <summary>The item of <paramref name="code"/> (case-insensitive), or null.</summary>
    public InstantItem? Item(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The department of <paramref name="code"/> (case-insensitive), or null.</summary>
    public OpeningDepartment? Department(string code) => Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The post-check period of <paramref name="item"/>: its own, else the default.</summary>
    public int PostCheckWorkingDays(InstantItem item) => item.PostCheckWorkingDays ?? DefaultPostCheckWorkingDays;
}
