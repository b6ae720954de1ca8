using System.Text.Json;

namespace Approvals.LandToStart;

/// <summary>Reads and validates <see cref="LandToStartPolicy"/>: every problem is reported at once.</summary>
public static class LandToStartPolicyLoader
{
    private const string Resource = "Approvals.Data.land-to-start-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static LandToStartPolicy LoadEmbedded()
    {
        using var stream = typeof(LandToStartPolicyLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    public static LandToStartPolicy Load(string json)
    {
        LandToStartPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<LandToStartPolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new LandToStartPolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new LandToStartPolicyException(["empty policy"]);
        var problems = Validate(policy);
        return problems.Count == 0 ? policy : throw new LandToStartPolicyException(problems);
    }

    public static IReadOnlyList<string> Validate(LandToStartPolicy policy)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in policy.Steps ?? [])
        {
            if (!seen.Add(step.Key)) problems.Add($"steps: '{step.Key}' appears more than once");
            if (step.WorkingDays < 1) problems.Add($"steps['{step.Key}']: workingDays at least 1 (every step is lit against a limit)");
            // Steps are listed in order: a step may only follow steps listed before it, so the order has no cycle.
            foreach (var before in (step.After ?? []).Where(a => !seen.Contains(a) || a == step.Key)) problems.Add($"steps['{step.Key}']: after '{before}', which is not a step listed before it");
        }
        if (policy.Steps is not { Count: > 0 }) problems.Add("steps: at least one pre-land step");
        if (policy.Documents is not { Count: 4 }) problems.Add($"documents: the four documents of the contract day, not {policy.Documents?.Count ?? 0}");
        foreach (var document in policy.Documents ?? [])
        {
            foreach (var c in (document.Conditions ?? []).Except(policy.Conditions ?? [])) problems.Add($"documents['{document.Key}']: condition '{c}' is not one of the conditions");
            foreach (var m in (document.Materials ?? []).Where(m => (policy.Materials ?? []).All(x => x.Code != m))) problems.Add($"documents['{document.Key}']: material '{m}' is not one of the materials");
        }
        foreach (var name in LandToStartPolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(LandToStartPolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        return problems;
    }
}
