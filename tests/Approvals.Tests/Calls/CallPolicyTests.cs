using Approvals.Calls;

namespace Approvals.Tests.Calls;

public sealed class CallPolicyTests
{
    [Fact]
    public void The_embedded_policy_is_valid_and_names_a_source_for_every_number()
    {
        var policy = CallPolicy.Embedded;
        Assert.Empty(CallPolicyLoader.Validate(policy));
        Assert.Equal(5, policy.AnswerWorkingDays);
        Assert.Equal(1, policy.MajorUrgentAnswerWorkingDays);
        Assert.Equal(10, policy.RatingWorkingDays);
        Assert.Equal("ECON", policy.DefaultUnit);
        Assert.All(CallPolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(policy.Sources[n])));
        Assert.Contains("三(四)2", policy.Sources["platformOffice"]);
        Assert.Contains("local default", policy.Sources["answerWorkingDays"]);
        Assert.All(policy.Units, u => Assert.False(string.IsNullOrWhiteSpace(u.Responsible)));
    }

    [Fact]
    public void A_policy_with_a_unit_without_a_responsible_person_no_deadline_and_no_sources_is_refused_with_every_problem()
    {
        var broken = CallPolicy.Embedded with
        {
            AnswerWorkingDays = 0,
            DefaultUnit = "NOWHERE",
            Units = [.. CallPolicy.Embedded.Units, new CallUnit("TAX", "税务局", "Tax Bureau")],
            Topics = new Dictionary<string, string> { ["tax"] = "TAXES" },
            Sources = new Dictionary<string, string>(),
        };
        var problems = CallPolicyLoader.Validate(broken);
        Assert.Contains(problems, p => p.StartsWith("answerWorkingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("units['TAX']: no responsible person", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("defaultUnit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("topics.tax", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sources.ratingWorkingDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("majorUrgentAnswerWorkingDays", StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_policy_json_is_refused()
    {
        var refused = Assert.Throws<CallPolicyException>(() => CallPolicyLoader.Load("{ not json"));
        Assert.Single(refused.Problems);
    }
}
