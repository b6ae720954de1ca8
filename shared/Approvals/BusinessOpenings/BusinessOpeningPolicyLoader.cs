using System.Text.Json;

namespace Approvals.BusinessOpenings;

/// <summary>Reads and validates <see cref="BusinessOpeningPolicy"/>: every problem is reported at once.</summary>
public static class BusinessOpeningPolicyLoader
{
    private const string Resource = "Approvals.Data.business-opening-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The policy embedded in the assembly.</summary>
    public static BusinessOpeningPolicy LoadEmbedded()
    {
        using var stream = typeof(BusinessOpeningPolicyLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    /// <summary>Parses and validates a policy; <see cref="BusinessOpeningPolicyException"/> lists every problem.</summary>
    public static BusinessOpeningPolicy Load(string json)
    {
        BusinessOpeningPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<BusinessOpeningPolicy>(json, Options);
        }
        catch (JsonException e)
        {
            throw new BusinessOpeningPolicyException([$"not readable: {e.Message}"]);
        }
        if (policy is null) throw new BusinessOpeningPolicyException(["empty policy"]);
        var problems = Validate(policy);
        return problems.Count == 0 ? policy : throw new BusinessOpeningPolicyException(problems);
    }

    /// <summary>Every problem of a policy (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(BusinessOpeningPolicy policy)
    {
        var problems = new List<string>();
        if (policy.DefaultPostCheckWorkingDays < 1) problems.Add("defaultPostCheckWorkingDays: at least 1 (every permit is post-checked by a deadline)");
        if (policy.Departments is not { Count: > 0 }) problems.Add("departments: at least one");
        foreach (var code in (policy.Departments ?? []).GroupBy(d => d.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"departments: '{code}' appears more than once");
        }
        if (policy.Licence is null || string.IsNullOrWhiteSpace(policy.Licence.Code) || string.IsNullOrWhiteSpace(policy.Licence.Name)) problems.Add("licence: a code and a name are needed");
        else if (policy.Department(policy.Licence.Department ?? "") is null) problems.Add($"licence.department: '{policy.Licence.Department}' is not one of the departments");
        ValidateUscc(policy.Uscc, problems);
        if (policy.Items is not { Count: > 0 }) problems.Add("items: at least one instant item (即办事项)");
        foreach (var item in policy.Items ?? []) ValidateItem(policy, item, problems);
        foreach (var code in (policy.Items ?? []).GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"items: '{code}' appears more than once");
        }
        if (policy.Licence is { } licence && policy.Item(licence.Code ?? "") is not null) problems.Add($"items: '{licence.Code}' is the licence's code");
        foreach (var name in BusinessOpeningPolicy.SourcedNames.Where(n => !policy.Sources.TryGetValue(n, out var source) || string.IsNullOrWhiteSpace(source)))
        {
            problems.Add($"sources.{name}: missing; name the seed and measure, or \"local default, configurable\"");
        }
        foreach (var name in policy.Sources.Keys.Except(BusinessOpeningPolicy.SourcedNames)) problems.Add($"sources.{name}: names nothing of the policy");
        return problems;
    }

    private static void ValidateItem(BusinessOpeningPolicy policy, InstantItem item, List<string> problems)
    {
        var at = $"items['{item.Code}']";
        if (string.IsNullOrWhiteSpace(item.Code) || string.IsNullOrWhiteSpace(item.Name) || string.IsNullOrWhiteSpace(item.NameEn)) problems.Add("items: every item needs a code, a name and an English name");
        if (string.IsNullOrWhiteSpace(item.Permit)) problems.Add($"{at}.permit: name the permit the item needs");
        if (item.Route is not (InstantRoutes.Filing or InstantRoutes.Commitment)) problems.Add($"{at}.route: filing or commitment, not '{item.Route}'");
        if (item.Route == InstantRoutes.Commitment && string.IsNullOrWhiteSpace(item.Commitment)) problems.Add($"{at}.commitment: a commitment item needs the text the founder signs");
        if (policy.Department(item.Department ?? "") is null) problems.Add($"{at}.department: '{item.Department}' is not one of the departments");
        if (string.IsNullOrWhiteSpace(item.Source)) problems.Add($"{at}.source: \"Jining 2020 二/三\" for a named item, else \"city to confirm\"");
        if (item.PostCheckWorkingDays is { } days)
        {
            if (days < 1) problems.Add($"{at}.postCheckWorkingDays: at least 1");
            if (string.IsNullOrWhiteSpace(item.PostCheckSource)) problems.Add($"{at}.postCheckSource: an item's own post-check period names its source");
        }
    }

    private static void ValidateUscc(UsccLayout? layout, List<string> problems)
    {
        if (layout is null)
        {
            problems.Add("uscc: the registration authority, organisation category and region code are needed");
            return;
        }
        bool InAlphabet(string? s, int length) => s is not null && s.Length == length && s.All(c => Identity.Uscc.Alphabet.Contains(c));
        if (!InAlphabet(layout.RegistrationAuthority, 1)) problems.Add("uscc.registrationAuthority: one character of the code's alphabet");
        if (!InAlphabet(layout.OrganisationCategory, 1)) problems.Add("uscc.organisationCategory: one character of the code's alphabet");
        if (layout.RegionCode is not { Length: 6 } region || !region.All(char.IsAsciiDigit)) problems.Add("uscc.regionCode: six digits (GB/T 2260)");
    }
}
