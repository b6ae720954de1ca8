using System.Text.Json;

namespace Approvals.Stewardship;

/// <summary>
/// The project steward service (项目管家, 帮办代办, Shandong measure 33) as officials set it: the lead department warned
/// when a late node stays late, after how many working days, and the kinds of nodes a plan holds (intermediaries,
/// approvals, utilities). Loaded from <c>Data/steward-policy.json</c>; every number names its source.
/// </summary>
public sealed record StewardPolicy
{
    public required StewardBody LeadDepartment { get; init; }
    public int LeadWarningWorkingDays { get; init; } = 3;
    public required IReadOnlyList<StewardBody> NodeKinds { get; init; }
    public int MaxNodes { get; init; } = 40;
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<string> SourcedNames { get; } = ["leadDepartment", "leadWarningWorkingDays", "nodeKinds", "maxNodes"];

    public static StewardPolicy Embedded => EmbeddedPolicy.Value;

    private static readonly Lazy<StewardPolicy> EmbeddedPolicy = new(LoadEmbedded);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static StewardPolicy LoadEmbedded()
    {
        using var stream = typeof(StewardPolicy).Assembly.GetManifestResourceStream("Approvals.Data.steward-policy.json")
            ?? throw new InvalidOperationException("Embedded resource Approvals.Data.steward-policy.json is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    /// <summary>Parses and validates; <see cref="InvalidDataException"/> lists every problem.</summary>
    public static StewardPolicy Load(string json)
    {
        StewardPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<StewardPolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"steward-policy.json: not readable: {e.Message}");
        }
        var problems = policy is null ? ["empty policy"] : Validate(policy);
        return problems.Count == 0 ? policy! : throw new InvalidDataException("steward-policy.json: " + string.Join("; ", problems));
    }

    public static IReadOnlyList<string> Validate(StewardPolicy policy)
    {
        var problems = new List<string>();
        if (policy.LeadDepartment is null || string.IsNullOrWhiteSpace(policy.LeadDepartment.Code)) problems.Add("leadDepartment: a code and a name are needed");
        if (policy.LeadWarningWorkingDays < 1) problems.Add("leadWarningWorkingDays: at least 1");
        if (policy.NodeKinds is not { Count: > 0 }) problems.Add("nodeKinds: at least one");
        if (policy.MaxNodes < 1) problems.Add("maxNodes: at least 1");
        foreach (var name in SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var s) || string.IsNullOrWhiteSpace(s)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        return problems;
    }

    public StewardBody? Kind(string? code) => NodeKinds.FirstOrDefault(k => string.Equals(k.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record StewardBody(string Code, string Name, string? NameEn);
