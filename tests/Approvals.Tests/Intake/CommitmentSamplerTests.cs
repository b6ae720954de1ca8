using Approvals.Intake;

namespace Approvals.Tests.Intake;

public sealed class CommitmentSamplerTests
{
    [Fact]
    public void The_same_seed_and_subject_always_draw_the_same_number()
    {
        Assert.Equal(CommitmentSampler.Draw("APP-1:20260928", "APP-1-C1"), CommitmentSampler.Draw("APP-1:20260928", "APP-1-C1"));
        Assert.NotEqual(CommitmentSampler.Draw("APP-1:20260928", "APP-1-C1"), CommitmentSampler.Draw("APP-1:20260929", "APP-1-C1"));
    }

    [Fact]
    public void The_share_drawn_matches_the_ratio()
    {
        var drawn = Enumerable.Range(0, 20_000).Count(i => CommitmentSampler.IsDrawn("audit-2026", $"C{i}", 0.05));
        Assert.InRange(drawn / 20_000.0, 0.045, 0.055);
    }
}
