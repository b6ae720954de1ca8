using System.Text.Json;

namespace Approvals.Calls;

/// <summary>Reads and validates <see cref="CallPolicy"/>: every problem is reported at once.</summary>
public static class CallPolicyLoader
{
    private const string Resource = "Approvals.Data.call-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The policy embedded in the assembly.</summary>
    public static CallPolicy LoadEmbedded()
    {
        using var stream = typeof(CallPolicyLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    /// <summary>Parses and validates a policy; <see cref="CallPolicyException"/> lists every problem.</summary>
    public static CallPolicy Load(string json)
    {
        CallPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<CallPolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new CallPolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new CallPolicyException(["empty policy"]);
        var problems = Validate(policy);
        return problems.Count == 0 ? policy : throw new CallPolicyException(problems);
    }

    /// <summary>Every problem of a policy (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(CallPolicy policy)
    {
        var problems = new List<string>();
        if (policy.AnswerWorkingDays < 1) problems.Add("answerWorkingDays: at least 1 (no assignment without a deadline)");
        if (policy.MajorUrgentAnswerWorkingDays < 1) problems.Add("majorUrgentAnswerWorkingDays: at least 1");
        if (policy.MajorUrgentAnswerWorkingDays > policy.AnswerWorkingDays) problems.Add("majorUrgentAnswerWorkingDays: not longer than answerWorkingDays");
        if (policy.RatingWorkingDays < 1) problems.Add("ratingWorkingDays: at least 1");
        if (policy.Units is not { Count: > 0 }) problems.Add("units: at least one unit answers calls");
        foreach (var unit in policy.Units ?? [])
        {
            if (string.IsNullOrWhiteSpace(unit.Code) || string.IsNullOrWhiteSpace(unit.Name)) problems.Add("units: every unit needs a code and a name");
            if (string.IsNullOrWhiteSpace(unit.Responsible)) problems.Add($"units['{unit.Code}']: no responsible person for its assignment slips (交办单)");
        }
        foreach (var code in (policy.Units ?? []).GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"units: '{code}' appears more than once");
        }
        if (policy.Unit(policy.DefaultUnit ?? "") is null) problems.Add($"defaultUnit: '{policy.DefaultUnit}' is not one of the units");
        foreach (var (topic, code) in policy.Topics.Where(t => policy.Unit(t.Value) is null)) problems.Add($"topics.{topic}: '{code}' is not one of the units");
        foreach (var (name, body) in new[] { ("platformOffice", policy.PlatformOffice), ("districtLeaders", policy.DistrictLeaders), ("commissionerOffice", policy.CommissionerOffice) })
        {
            if (body is null || string.IsNullOrWhiteSpace(body.Code) || string.IsNullOrWhiteSpace(body.Name)) problems.Add($"{name}: a code and a name are needed");
        }
        foreach (var name in CallPolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(CallPolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        return problems;
    }
}
