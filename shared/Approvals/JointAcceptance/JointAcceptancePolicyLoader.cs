using System.Text.Json;
using Approvals.Catalog;

namespace Approvals.JointAcceptance;

/// <summary>Reads and validates <see cref="JointAcceptancePolicy"/>: every problem is reported at once.</summary>
public static class JointAcceptancePolicyLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The policy embedded in the assembly, validated against the embedded catalog.</summary>
    public static JointAcceptancePolicy LoadEmbedded()
    {
        using var stream = typeof(JointAcceptancePolicyLoader).Assembly.GetManifestResourceStream("Approvals.Data.joint-acceptance-policy.json")
            ?? throw new InvalidOperationException("Embedded resource Approvals.Data.joint-acceptance-policy.json is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), ItemCatalog.Embedded);
    }

    /// <summary>Parses and validates a policy; <see cref="JointAcceptancePolicyException"/> lists every problem.</summary>
    public static JointAcceptancePolicy Load(string json, ItemCatalog catalog)
    {
        JointAcceptancePolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<JointAcceptancePolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new JointAcceptancePolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new JointAcceptancePolicyException(["empty policy"]);
        var problems = Validate(policy, catalog);
        return problems.Count == 0 ? policy : throw new JointAcceptancePolicyException(problems);
    }

    /// <summary>Every problem of a policy (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(JointAcceptancePolicy policy, ItemCatalog catalog)
    {
        var problems = new List<string>();
        if (policy.TimePlans is not { Count: > 0 }) problems.Add("timePlans: at least one time plan is needed");
        else if (policy.TimePlans[^1].When != new TimePlanCondition()) problems.Add($"timePlans: the last plan ('{policy.TimePlans[^1].Name}') must apply to every request (empty 'when')");
        if (policy.RegistrationMaxWorkingDays < 1) problems.Add("registrationMaxWorkingDays: at least 1");
        if (policy.RectificationPeriodWorkingDays < 1) problems.Add("rectificationPeriodWorkingDays: at least 1");
        if (policy.CommitmentRecheckHours < 1) problems.Add("commitmentRecheckHours: at least 1");
        if (policy.SiteInspectionHour is < 0 or > 23) problems.Add("siteInspectionHour: 0 to 23");
        foreach (var code in new[] { policy.ArchiveItem, policy.RegistrationItem, policy.CivilAirDefenceItem }.Concat(policy.OneOf.SelectMany(g => g)).Concat(policy.KeyProjectItems))
        {
            if (!catalog.TryGetItem(code, out var item) || item.Procedure != Procedure.JointAcceptance)
            {
                problems.Add($"'{code}' is not a joint-acceptance item of the catalog");
            }
        }
        foreach (var name in JointAcceptancePolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(JointAcceptancePolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        foreach (var plan in policy.TimePlans ?? [])
        {
            var where = $"timePlans['{plan.Name}']";
            if (string.IsNullOrWhiteSpace(plan.Source)) problems.Add($"{where}: source missing; name the seed and measure, or \"local default, configurable\"");
            foreach (var step in AcceptanceSteps.All.Where(s => !plan.Steps.ContainsKey(s))) problems.Add($"{where}: no working days for step '{step}'");
            foreach (var step in plan.Steps.Keys.Except(AcceptanceSteps.All)) problems.Add($"{where}: unknown step '{step}'");
            foreach (var (step, days) in plan.Steps.Where(s => s.Value < 0)) problems.Add($"{where}: step '{step}' has {days} working days");
            if (plan.Steps.GetValueOrDefault(AcceptanceSteps.OpinionRequests) < 1) problems.Add($"{where}: opinion requests need at least 1 working day");
            var sum = plan.Steps.Values.Sum();
            if (sum > plan.TotalWorkingDays) problems.Add($"{where}: the steps take {sum} working days, more than the plan's {plan.TotalWorkingDays}");
            if (plan.Steps.GetValueOrDefault(AcceptanceSteps.FirstRegistration) > policy.RegistrationMaxWorkingDays)
            {
                problems.Add($"{where}: first registration may take at most {policy.RegistrationMaxWorkingDays} working days");
            }
            if (plan.When.Stages is { } stages && !WireName.TryParse<AcceptanceStageChoice>(stages, out _))
            {
                problems.Add($"{where}: stages '{stages}' is not one of {WireName.Allowed<AcceptanceStageChoice>()}");
            }
        }
        return problems;
    }
}
