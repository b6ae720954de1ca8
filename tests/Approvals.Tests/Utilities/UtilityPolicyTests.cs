using Approvals.Utilities;

namespace Approvals.Tests.Utilities;

public sealed class UtilityPolicyTests
{
    [Fact]
    public void The_embedded_policy_is_valid_with_the_five_utilities_and_a_source_for_every_group()
    {
        var policy = UtilityPolicy.Embedded;
        Assert.Empty(UtilityPolicyLoader.Validate(policy));
        Assert.Equal(["WATER", "POWER", "GAS", "HEAT", "TELECOM"], policy.Utilities.Select(u => u.Code));
        Assert.All(UtilityPolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(policy.Sources[n])));
        Assert.Contains("三(六)", policy.Sources["utilities"]);
        Assert.Contains("local default", policy.Sources["limits"]);
        Assert.All(policy.Utilities, u => Assert.NotEmpty(u.Matters));
        Assert.Equal(24000m, policy.Utility("water")!.FeeStandard(200));
    }

    [Fact]
    public void A_policy_without_limits_with_a_twice_listed_utility_and_no_sources_is_refused_with_every_problem()
    {
        var water = UtilityPolicy.Embedded.Utility("WATER")!;
        var broken = UtilityPolicy.Embedded with
        {
            Utilities = [.. UtilityPolicy.Embedded.Utilities, water with { SurveyWorkingDays = 0, FeePerUnit = -1, Matters = [] }],
            Windows = [],
            Sources = new Dictionary<string, string> { ["weather"] = "nowhere" },
        };
        var problems = UtilityPolicyLoader.Validate(broken);
        Assert.Contains(problems, p => p.StartsWith("utilities['WATER']: surveyWorkingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities['WATER']: feePerUnit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities['WATER']: no matters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities: 'WATER' appears more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("windows", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sources.fees", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sources.weather", StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_json_is_refused()
    {
        var error = Assert.Throws<UtilityPolicyException>(() => UtilityPolicyLoader.Load("{ not json"));
        Assert.StartsWith("not readable", error.Problems.Single(), StringComparison.Ordinal);
    }
}
