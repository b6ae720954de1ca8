using Approvals.Catalog;
using Approvals.JointAcceptance;

namespace Approvals.Tests.JointAcceptance;

/// <summary>The joint-acceptance policy is data, validated at load with every problem listed.</summary>
public sealed class JointAcceptancePolicyTests
{
    [Fact]
    public void Embedded_policy_loads_and_holds_the_published_numbers()
    {
        var policy = JointAcceptancePolicy.Embedded;
        Assert.Equal([3, 7, 12], policy.TimePlans.Select(p => p.TotalWorkingDays));
        var standard = policy.TimePlans[^1];
        Assert.Equal(10, standard.OffsetOf(AcceptanceSteps.FirstRegistration));
        Assert.Equal(7, standard.OffsetOf(AcceptanceSteps.DepartmentOpinions));
        Assert.Equal(3, policy.RegistrationMaxWorkingDays);
    }

    [Fact]
    public void Invalid_policy_is_refused_with_every_problem()
    {
        const string json = """
            {
              "registrationMaxWorkingDays": 3,
              "archiveItem": "JA-NOPE",
              "timePlans": [
                { "name": "too-long", "when": {}, "totalWorkingDays": 5,
                  "steps": { "opinion-requests": 1, "site-inspection": 1, "department-opinions": 5, "acceptance-opinion": 0, "archive-certificate": 2, "first-registration": 4 } },
                { "name": "last-not-catch-all", "when": { "stages": "sometimes" }, "totalWorkingDays": 12,
                  "steps": { "opinion-requests": 0, "site-inspection": 1 } }
              ]
            }
            """;
        var e = Assert.Throws<JointAcceptancePolicyException>(() => JointAcceptancePolicyLoader.Load(json, ItemCatalog.Embedded));
        Assert.Contains(e.Problems, p => p.Contains("must apply to every request", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'JA-NOPE' is not a joint-acceptance item", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("take 13 working days, more than the plan's 5", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("first registration may take at most 3", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("no working days for step 'department-opinions'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("opinion requests need at least 1", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("stages 'sometimes'", StringComparison.Ordinal));
    }
}
