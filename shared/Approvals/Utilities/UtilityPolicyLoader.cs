using System.Text.Json;

namespace Approvals.Utilities;

/// <summary>Reads and validates <see cref="UtilityPolicy"/>: every problem is reported at once.</summary>
public static class UtilityPolicyLoader
{
    private const string Resource = "Approvals.Data.utilities-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static UtilityPolicy LoadEmbedded()
    {
        using var stream = typeof(UtilityPolicyLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    public static UtilityPolicy Load(string json)
    {
        UtilityPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<UtilityPolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new UtilityPolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new UtilityPolicyException(["empty policy"]);
        var problems = Validate(policy);
        return problems.Count == 0 ? policy : throw new UtilityPolicyException(problems);
    }

    public static IReadOnlyList<string> Validate(UtilityPolicy policy)
    {
        var problems = new List<string>();
        foreach (var (name, body) in new[] { ("lead", policy.Lead), ("jointSurvey", policy.JointSurvey) })
        {
            if (body is null || string.IsNullOrWhiteSpace(body.Code) || string.IsNullOrWhiteSpace(body.Name)) problems.Add($"{name}: a code and a name are needed");
        }
        if (policy.Windows is not { Count: > 0 }) problems.Add("windows: at least one window accepts applications");
        if (policy.Utilities is not { Count: > 0 }) problems.Add("utilities: at least one utility");
        foreach (var u in policy.Utilities ?? [])
        {
            var at = $"utilities['{u.Code}']";
            if (string.IsNullOrWhiteSpace(u.Code) || string.IsNullOrWhiteSpace(u.Name)) problems.Add("utilities: every utility needs a code and a name");
            if (u.Matters is not { Count: > 0 }) problems.Add($"{at}: no matters");
            if (string.IsNullOrWhiteSpace(u.QuantityUnit)) problems.Add($"{at}: quantityUnit is required");
            if (u.MaxQuantity <= 0) problems.Add($"{at}: maxQuantity must be above 0");
            if (u.FeePerUnit < 0) problems.Add($"{at}: feePerUnit cannot be negative");
            foreach (var (name, days) in new[] { ("surveyWorkingDays", u.SurveyWorkingDays), ("completeWorkingDays", u.CompleteWorkingDays), ("connectWorkingDays", u.ConnectWorkingDays) })
            {
                if (days < 1) problems.Add($"{at}: {name} at least 1 (every step has a published limit)");
            }
        }
        foreach (var code in (policy.Utilities ?? []).GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"utilities: '{code}' appears more than once");
        }
        foreach (var code in (policy.Utilities ?? []).SelectMany(u => u.Matters ?? []).GroupBy(m => m.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"matters: '{code}' appears more than once");
        }
        foreach (var name in UtilityPolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(UtilityPolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        return problems;
    }
}
