using System.Text;
using Approvals.Intake;

namespace Approvals.Tests.Intake;

public sealed class IntakePolicyTests
{
    [Fact]
    public void Embedded_policy_carries_the_sampling_ratios_of_every_risk_level() =>
        Assert.Equal(["high", "low", "medium"], IntakePolicy.Embedded.Sampling.Ratios.Keys.Order());

    [Fact]
    public void A_broken_policy_file_names_every_problem()
    {
        const string json = """{"sampling":{"ratios":{"low":1.5,"medium":0.2}},"risk":{"mediumFromScore":6,"highFromScore":3}}""";
        var error = Assert.Throws<InvalidDataException>(() => IntakePolicy.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("sampling.ratios.low", error.Message);
        Assert.Contains("sampling.ratios.high is missing", error.Message);
        Assert.Contains("mediumFromScore", error.Message);
    }
}
