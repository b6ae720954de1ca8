using Approvals.BusinessOpenings;

namespace Approvals.Tests.BusinessOpenings;

public sealed class BusinessOpeningPolicyTests
{
    [Fact]
    public void The_embedded_policy_is_valid_names_the_seeds_items_and_marks_the_others_for_the_city()
    {
        var policy = BusinessOpeningPolicy.Embedded;
        Assert.Empty(BusinessOpeningPolicyLoader.Validate(policy));
        Assert.Equal(20, policy.DefaultPostCheckWorkingDays);
        Assert.Contains("local default", policy.Sources["defaultPostCheckWorkingDays"]);
        Assert.All(BusinessOpeningPolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(policy.Sources[n])));
        foreach (var named in new[] { "FOOD-PREPACKAGED", "SALON", "CONVENIENCE-STORE" }) Assert.Equal("Jining 2020 二/三", policy.Item(named)!.Source);
        Assert.All(policy.Items.Where(i => i.Source != "Jining 2020 二/三"), i => Assert.Equal("city to confirm", i.Source));
        Assert.True(policy.Items.Count < 28, "the seed names only a few of its 28 items; the rest are not invented");
        Assert.Equal("filing", policy.Item("food-prepackaged")!.Route);
        Assert.All(policy.Items.Where(i => !i.IsFiling), i => Assert.False(string.IsNullOrWhiteSpace(i.Commitment)));
        Assert.Equal("APPROVAL", policy.Licence.Department);
    }

    [Fact]
    public void A_policy_with_bad_items_and_no_sources_is_refused_with_every_problem()
    {
        var embedded = BusinessOpeningPolicy.Embedded;
        var broken = embedded with
        {
            DefaultPostCheckWorkingDays = 0,
            Uscc = new UsccLayout("I", "1", "3708"),
            Items =
            [
                .. embedded.Items,
                embedded.Items[1] with { Code = "GYM", Route = "whenever", Department = "NOWHERE", Source = "" },
                embedded.Items[1] with { Code = "SPA", Commitment = "", PostCheckWorkingDays = 5 },
                embedded.Items[0],
            ],
            Sources = new Dictionary<string, string> { ["weather"] = "sunny" },
        };
        var problems = BusinessOpeningPolicyLoader.Validate(broken);
        foreach (var start in new[]
        {
            "defaultPostCheckWorkingDays", "uscc.registrationAuthority", "uscc.regionCode", "items['GYM'].route", "items['GYM'].department",
            "items['GYM'].source", "items['SPA'].commitment", "items['SPA'].postCheckSource", "items: 'FOOD-PREPACKAGED' appears more than once",
            "sources.items", "sources.weather",
        })
        {
            Assert.Contains(problems, p => p.StartsWith(start, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unreadable_policy_json_is_refused()
    {
        var refused = Assert.Throws<BusinessOpeningPolicyException>(() => BusinessOpeningPolicyLoader.Load("{ not json"));
        Assert.Single(refused.Problems);
    }
}
