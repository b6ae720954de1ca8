namespace Approvals.Calls;

/// <summary>
/// The numbers and routing of call and respond (呼叫即回应, Jining 2020 三(四)) that officials set: the answer limit in
/// working days, the shorter one of major urgent calls, how long the enterprise has to rate an answer, the units and
/// their responsible persons, topic routing, and the bodies a call may go to. Loaded from <c>Data/call-policy.json</c>
/// by <see cref="CallPolicyLoader"/>, validated at load; every number names its source.
/// </summary>
public sealed record CallPolicy
{
    /// <summary>Working days an assigned unit has to answer (the 交办单's 时限).</summary>
    public int AnswerWorkingDays { get; init; } = 5;

    /// <summary>Working days to answer a major urgent call (重大紧急问题), which goes to the district leaders at once.</summary>
    public int MajorUrgentAnswerWorkingDays { get; init; } = 1;

    /// <summary>Working days the enterprise has to rate an answer; unrated, the call is closed with the answer shown.</summary>
    public int RatingWorkingDays { get; init; } = 10;

    /// <summary>The unit that takes a call when the enterprise picked none and its topic routes nowhere.</summary>
    public required string DefaultUnit { get; init; }

    /// <summary>“政企直通车”工作领导小组办公室: a call not answered in time goes here, with an explanation to the enterprise.</summary>
    public required CallUnit PlatformOffice { get; init; }

    /// <summary>区领导和相关部门主要负责人: major urgent calls go here at once.</summary>
    public required CallUnit DistrictLeaders { get; init; }

    /// <summary>区“服务特派员”办公室: major urgent calls are filed (备案) here.</summary>
    public required CallUnit CommissionerOffice { get; init; }

    /// <summary>The units that answer calls, each with the responsible person its slips name.</summary>
    public required IReadOnlyList<CallUnit> Units { get; init; }

    /// <summary>Topic → unit code: the unit a call is given when the enterprise did not pick one.</summary>
    public IReadOnlyDictionary<string, string> Topics { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each number or rule comes from, by name (<see cref="SourcedNames"/>).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The numbers and rules that must name their source.</summary>
    public static IReadOnlyList<string> SourcedNames { get; } =
    [
        "answerWorkingDays", "majorUrgentAnswerWorkingDays", "ratingWorkingDays", "defaultUnit", "platformOffice", "districtLeaders",
        "commissionerOffice", "units", "topics",
    ];

    /// <summary>The policy shipped in the assembly.</summary>
    public static CallPolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<CallPolicy> EmbeddedPolicy = new(CallPolicyLoader.LoadEmbedded);

    /// <summary>The unit of <paramref name="code"/> (case-insensitive), or null.</summary>
    public CallUnit? Unit(string code) => Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
}
