using Approvals.Utilities;

namespace Approvals.Tests.Utilities;

public sealed class UtilityPolicyTests
{
    [Fact]
    public void The_embedded_policy_is_valid_with_the_five_utilities_and_a_source_for_every_group()
    {
        var policy = UtilityPolicy.Embedded;
        Assert.Empty(UtilityPolicyLoader.Validate(policy));
        Assert.Equal(["WATERCO", "POWER", "GAS", "HEAT", "TELECOM"], policy.Utilities.Select(u => u.Code));
        Assert.All(UtilityPolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(policy.Sources[n])));
        Assert.Contains("三(六)", policy.Sources["utilities"]);
        Assert.Contains("local default", policy.Sources["limits"]);
        Assert.All(policy.Utilities, u => Assert.NotEmpty(u.Matters));
        Assert.Equal(24000m, policy.Utility("waterco")!.FeeStandard(200));
    }

    /// <summary>A utility signs in as the department of the same code: the catalog's company, never a regulator (WATER is the water affairs bureau).</summary>
    [Fact]
    public void Utilities_the_catalog_knows_carry_the_catalogs_company_code_and_name()
    {
        var departments = Approvals.Catalog.ItemCatalog.Embedded.Departments;
        foreach (var utility in UtilityPolicy.Embedded.Utilities.Where(u => departments.Any(d => d.Code == u.Code)))
        {
            Assert.Equal(departments.Single(d => d.Code == utility.Code).Name, utility.Name);
        }
        Assert.Equal(4, UtilityPolicy.Embedded.Utilities.Count(u => departments.Any(d => d.Code == u.Code)));
        Assert.Null(UtilityPolicy.Embedded.Utility("WATER"));
    }

    [Fact]
    public void A_policy_without_limits_with_a_twice_listed_utility_and_no_sources_is_refused_with_every_problem()
    {
        var water = UtilityPolicy.Embedded.Utility("WATERCO")!;
        var broken = UtilityPolicy.Embedded with
        {
            Utilities = [.. UtilityPolicy.Embedded.Utilities, water with { SurveyWorkingDays = 0, FeePerUnit = -1, Matters = [] }],
            Windows = [],
            Sources = new Dictionary<string, string> { ["weather"] = "nowhere" },
        };
        var problems = UtilityPolicyLoader.Validate(broken);
        Assert.Contains(problems, p => p.StartsWith("utilities['WATERCO']: surveyWorkingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities['WATERCO']: feePerUnit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities['WATERCO']: no matters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("utilities: 'WATERCO' appears more than once", StringComparison.Ordinal));
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
