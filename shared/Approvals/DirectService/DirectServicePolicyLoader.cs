using System.Text.Json;
using Approvals.Catalog;

namespace Approvals.DirectService;

/// <summary>Reads and validates <see cref="DirectServicePolicy"/> against the item catalog: every problem is reported at once.</summary>
public static class DirectServicePolicyLoader
{
    private const string Resource = "Approvals.Data.direct-service-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static DirectServicePolicy LoadEmbedded()
    {
        using var stream = typeof(DirectServicePolicyLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), ItemCatalog.Embedded);
    }

    public static DirectServicePolicy Load(string json, ItemCatalog catalog)
    {
        DirectServicePolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<DirectServicePolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new DirectServicePolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new DirectServicePolicyException(["empty policy"]);
        var problems = Validate(policy, catalog);
        return problems.Count == 0 ? policy : throw new DirectServicePolicyException(problems);
    }

    public static IReadOnlyList<string> Validate(DirectServicePolicy policy, ItemCatalog catalog)
    {
        var problems = new List<string>();
        if (policy.FirstContactWorkingDays < 1) problems.Add("firstContactWorkingDays: at least 1 (first contact has a limit)");
        if (policy.ExtremeGapSupplyWorkingDays < 1) problems.Add("extremeGapSupplyWorkingDays: at least 1 (a commitment has a period)");
        if (policy.Centre is null || string.IsNullOrWhiteSpace(policy.Centre.Code)) problems.Add("centre: a code and a name are needed");
        if (policy.KeyLevels is not { Count: > 0 }) problems.Add("keyLevels: at least one");
        if (policy.Channels is not { Count: > 0 }) problems.Add("channels: at least one");
        if (policy.Teams is not { Count: > 0 }) problems.Add("teams: at least one");
        foreach (var team in policy.Teams ?? [])
        {
            if (string.IsNullOrWhiteSpace(team.Leader)) problems.Add($"teams['{team.Code}']: a leader (班长) is needed");
            if (team.Stewards is not { Count: 2 }) problems.Add($"teams['{team.Code}']: two stewards (代办员), not {team.Stewards?.Count ?? 0}");
            if (team.Approvers is not { Count: 2 }) problems.Add($"teams['{team.Code}']: two approvers (审批员), not {team.Approvers?.Count ?? 0}");
        }
        foreach (var (list, items) in new[] { ("onSiteAcceptance", policy.OnSiteAcceptance), ("onSiteApproval", policy.OnSiteApproval) })
        {
            foreach (var code in (items ?? []).Where(c => !catalog.TryGetItem(c, out _))) problems.Add($"{list}: '{code}' is not a catalog item");
        }
        foreach (var code in (policy.OnSiteApproval ?? []).Except(policy.OnSiteAcceptance ?? [])) problems.Add($"onSiteApproval: '{code}' is approved on site but not accepted on site");
        foreach (var code in (policy.OnSiteApproval ?? []).Where(c => catalog.TryGetItem(c, out var item) && policy.AuthorityOf(item.Department) is null))
        {
            problems.Add($"onSiteApproval: '{code}' has no authorisation (授权委托) from its department");
        }
        foreach (var a in policy.Authorisations ?? [])
        {
            if (!catalog.TryGetDepartment(a.Department, out _)) problems.Add($"authorisations: '{a.Department}' is not a catalog department");
            if (string.IsNullOrWhiteSpace(a.ChiefApprover) || string.IsNullOrWhiteSpace(a.Authorisation)) problems.Add($"authorisations['{a.Department}']: the authorisation and the chief approver are needed");
        }
        foreach (var name in DirectServicePolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(DirectServicePolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        return problems;
    }
}
