using Approvals.Applications;
using Approvals.Intake;
using Approvals.Tests.Intake;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 13 (domain part): every number and string of a submission, and of a decision, is bounded by what
/// the domain allows, and every violation is a field problem reported with all the others.
/// </summary>
public sealed class SubmissionBoundsScenarios : IDisposable
{
    private readonly IntakeFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task Infinite_or_implausible_sizes_long_names_and_hidden_characters_are_each_a_field_problem_at_once()
    {
        var valid = await f.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "retained"));
        var submission = valid with
        {
            Applicant = valid.Applicant! with { Name = "福州\0示范建设有限公司" },
            Project = valid.Project! with { Name = new string('厂', 200_000), FloorArea = double.PositiveInfinity, Height = 1e23 },
            Unit = "A\u202Eexe.fdp",
        };

        var decision = await f.Planner.PlanAsync("APP-BOUNDS", submission, IntakeFixture.Uscc);

        Assert.False(decision.Accepted);
        foreach (var field in new[] { "applicant.name", "project.name", "project.floorArea", "project.height", "unit" })
        {
            Assert.True(decision.Errors.ContainsKey(field), $"no problem for {field}: {string.Join(" | ", decision.Errors.Keys)}");
        }
        Assert.Contains("200", decision.Errors["project.name"][0]);
    }

    [Theory]
    [InlineData(1e30, 18)]
    [InlineData(8000, 1e23)]
    [InlineData(double.NaN, 18)]
    public async Task A_floor_area_or_height_beyond_any_building_is_refused(double floorArea, double height)
    {
        var valid = await f.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "retained"));
        var submission = valid with { Project = valid.Project! with { FloorArea = floorArea, Height = height } };

        var decision = await f.Planner.PlanAsync("APP-HUGE", submission, IntakeFixture.Uscc);

        Assert.False(decision.Accepted);
        Assert.True(decision.Errors.ContainsKey(double.IsFinite(floorArea) && floorArea < 1e6 ? "project.height" : "project.floorArea"));
    }

    [Fact]
    public async Task Plausible_values_and_chinese_names_still_pass()
    {
        var valid = await f.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "retained"));

        Assert.True((await f.Planner.PlanAsync("APP-OK", valid, IntakeFixture.Uscc)).Accepted);
    }
}

/// <summary>Issue 14, defect 13: a decision's time and texts are bounded too.</summary>
public sealed class DecisionBoundsScenarios : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_decision_dated_9999_or_with_a_bidi_override_in_its_opinion_is_refused_naming_both()
    {
        var id = await h.SubmitAsync(h.Plan("APP-DBOUNDS", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);

        var result = await h.Commands.DecideAsync(id,
            new DepartmentDecision("m-far", "HUD", "CP-PERMIT", "approve", "同意\u202E", "王工", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)), "HUD");

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains("decidedAt", result.Detail);
        Assert.Contains("opinion", result.Detail);
        Assert.Equal("pending", (await h.Commands.GetAsync(id))!.Tasks.Single().State);
    }
}
