using Approvals.StagedPermits;

namespace Approvals.Tests.StagedPermits;

public sealed class StagedPermitRulesTests
{
    private const string Contractor = "91110000600037341L";
    private static readonly StagedPermitPolicy Policy = StagedPermitPolicy.Embedded;

    private static (PermitStage Stage, int Order) Stage(string code) => Policy.Find(code)!.Value;

    private static EarlierStage Granted(string stage, string contractor = Contractor) => new($"APP-{stage}", stage, "verifying", contractor, "中建示范", PermitValid: true);

    [Fact]
    public void The_city_catalog_has_the_three_stages_of_measure_18_in_order_each_adding_a_material()
    {
        Assert.Equal(["foundation-pit", "basement", "above-ground"], Policy.Stages.Select(s => s.Code));
        Assert.All(Policy.Stages, s => Assert.NotEmpty(s.Materials));
        Assert.Equal("CP-PERMIT", Policy.Item);
    }

    [Fact]
    public void The_first_stage_needs_nothing_before_it_and_each_later_stage_needs_the_one_before_with_a_valid_permit()
    {
        var (pit, one) = Stage("foundation-pit");
        var (basement, two) = Stage("basement");
        var (above, three) = Stage("above-ground");

        Assert.Null(StagedPermitRules.Conflict(Policy, pit, one, Contractor, []));
        Assert.Contains("needs a valid permit for stage 1", StagedPermitRules.Conflict(Policy, basement, two, Contractor, []));
        Assert.Null(StagedPermitRules.Conflict(Policy, basement, two, Contractor, [Granted("foundation-pit")]));
        // The stage before was reviewed but its permit was revoked: the next stage waits.
        Assert.NotNull(StagedPermitRules.Conflict(Policy, above, three, Contractor, [Granted("foundation-pit"), Granted("basement") with { Status = "revoked", PermitValid = false }]));
    }

    [Fact]
    public void The_general_contractor_fixed_at_the_first_stage_is_the_same_for_every_later_stage_and_a_stage_is_asked_once()
    {
        var (basement, two) = Stage("basement");
        var (pit, one) = Stage("foundation-pit");

        Assert.Contains("general contractor", StagedPermitRules.Conflict(Policy, basement, two, "91350100M000100Y43", [Granted("foundation-pit")]));
        Assert.Contains("applied for already", StagedPermitRules.Conflict(Policy, pit, one, Contractor, [Granted("foundation-pit")]));
        // A rejected first attempt does not count: the stage may be asked for again, by another contractor too.
        Assert.Null(StagedPermitRules.Conflict(Policy, pit, one, "91350100M000100Y43", [Granted("foundation-pit") with { Status = "rejected", PermitValid = false }]));
    }

    [Fact]
    public void A_stage_permit_names_its_stage_and_never_reads_as_a_whole_project_permit()
    {
        var (above, three) = Stage("above-ground");
        var name = StagedPermitRules.PermitName("建筑工程施工许可证核发", Policy, above, three);

        Assert.Contains("分段第 3/3 段：±0.000以上，仅限本阶段", name);
        Assert.Contains("not the whole project", name);
    }
}
