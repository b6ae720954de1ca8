using Approvals.Catalog;
using Approvals.DirectService;

namespace Approvals.Tests.DirectService;

public sealed class DirectServicePolicyTests
{
    [Fact]
    public void The_embedded_policy_is_valid_with_teams_of_one_leader_two_stewards_and_two_approvers()
    {
        var policy = DirectServicePolicy.Embedded;
        Assert.Empty(DirectServicePolicyLoader.Validate(policy, ItemCatalog.Embedded));
        Assert.Equal(1, policy.FirstContactWorkingDays);
        Assert.All(policy.Teams, t => Assert.Equal((2, 2), (t.Stewards.Count, t.Approvers.Count)));
        Assert.All(DirectServicePolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(policy.Sources[n])));
        Assert.Contains("三(三)", policy.Sources["authorisations"]);
        Assert.Subset(policy.OnSiteAcceptance.ToHashSet(), policy.OnSiteApproval.ToHashSet());
    }

    [Fact]
    public void A_policy_with_a_short_team_an_unauthorised_on_site_approval_and_unknown_items_is_refused_with_every_problem()
    {
        var policy = DirectServicePolicy.Embedded;
        var broken = policy with
        {
            FirstContactWorkingDays = 0,
            Teams = [.. policy.Teams, new ServiceTeam("T9", "第九队", "", ["一人"], [])],
            OnSiteApproval = [.. policy.OnSiteApproval, "CP-EIA", "CP-MOON"],
            Authorisations = [.. policy.Authorisations, new OnSiteAuthority("NOBODY", "委托书", "首席审批员", "2号公章")],
            Sources = new Dictionary<string, string>(),
        };
        var problems = DirectServicePolicyLoader.Validate(broken, ItemCatalog.Embedded);
        Assert.Contains(problems, p => p.StartsWith("firstContactWorkingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("teams['T9']: a leader", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("teams['T9']: two stewards", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("teams['T9']: two approvers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "onSiteApproval: 'CP-MOON' is not a catalog item");
        Assert.Contains(problems, p => p == "onSiteApproval: 'CP-EIA' has no authorisation (授权委托) from its department");
        Assert.Contains(problems, p => p.StartsWith("authorisations: 'NOBODY'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sources.teams", StringComparison.Ordinal));
    }
}
