using Approvals.LandToStart;

namespace Approvals.Tests.LandToStart;

public sealed class LandToStartPolicyTests
{
    [Fact]
    public void The_embedded_policy_orders_the_steps_as_the_seed_does_and_names_four_documents()
    {
        var policy = LandToStartPolicy.Embedded;
        Assert.Empty(LandToStartPolicyLoader.Validate(policy));
        Assert.Equal(4, policy.Documents.Count);
        Assert.Contains("land-listing", policy.Step("drawing-review")!.After);
        Assert.Contains("planning-publicity", policy.Step("land-listing")!.After);
        Assert.Contains("design-scheme-review", policy.Step("land-supply-plan")!.After);
        Assert.True(policy.Step("design-scheme-review")!.SkippedWhenSoldWithDesignScheme);
        Assert.Contains("三(二)", policy.Sources["documents"]);
    }

    [Fact]
    public void A_step_after_an_unknown_or_later_step_a_missing_document_and_an_unknown_condition_are_refused_together()
    {
        var policy = LandToStartPolicy.Embedded;
        var broken = policy with
        {
            Steps = [policy.Steps[1], policy.Steps[0], policy.Steps[2] with { WorkingDays = 0 }],
            Documents = [policy.Documents[0] with { Conditions = ["colour"] }, policy.Documents[1]],
            Sources = new Dictionary<string, string>(),
        };
        var problems = LandToStartPolicyLoader.Validate(broken);
        Assert.Contains(problems, p => p == "steps['land-supply-plan']: after 'design-scheme-review', which is not a step listed before it");
        Assert.Contains(problems, p => p.StartsWith("steps['planning-publicity']: workingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("documents: the four documents", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "documents['land-use-planning-permit']: condition 'colour' is not one of the conditions");
        Assert.Contains(problems, p => p.StartsWith("sources.steps", StringComparison.Ordinal));
    }
}
