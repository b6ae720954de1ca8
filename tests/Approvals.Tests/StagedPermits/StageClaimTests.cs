using Approvals.Applications;
using Approvals.Intake;
using Approvals.StagedPermits;
using Approvals.Tests.Intake;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.StagedPermits;

/// <summary>
/// A stage is asked for once at a time, also when two submissions of it arrive together: both pass intake's check (a
/// query), so the application's first step claims the stage write-once, and only the first claim stands.
/// </summary>
public sealed class StageClaimTests
{
    private const string Contractor = "91110000600037341L";
    private const string Project = "2609-350102-04-01-123456";

    private static async Task<Submission> PitAsync(IntakeFixture f)
    {
        string[] needed = ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "FUNDS-PROOF", "DRAWING-REVIEW-CERT", "SAFETY-MEASURES", "DESIGN-DRAWINGS", "PIT-SUPPORT-SCHEME"];
        var materials = new List<MaterialInput?>();
        foreach (var code in needed) materials.Add(new MaterialInput(code, await f.UploadAsync(code)));
        return IntakeFixture.Valid() with
        {
            Procedure = StagedPermitPolicy.Procedure,
            Stage = "foundation-pit",
            Contractor = new ApplicantInput(Contractor, "中建示范工程局有限公司"),
            Items = ["CP-PERMIT"],
            Materials = materials,
        };
    }

    private static EarlierStage Pit(string id, string status) => new(id, "foundation-pit", status, Contractor, "中建示范工程局有限公司", PermitValid: false);

    [Fact]
    public async Task Intake_names_the_attempt_at_the_stage_and_a_retry_of_the_same_submission_is_not_its_own_conflict()
    {
        using var f = new IntakeFixture();
        var submission = await PitAsync(f);

        var first = await f.Planner.PlanAsync("APP-FIRST", submission, IntakeFixture.Uscc);
        Assert.True(first.Accepted, first.Conflict ?? string.Join("; ", first.Errors.SelectMany(e => e.Value)));
        Assert.Equal($"{Project}:foundation-pit:1", first.Plan!.StageClaim);

        // The same submission again after a crash between scheduling and recording its key: it finds itself, live.
        f.EarlierStages.Stages.Add(Pit("APP-FIRST", "under-review"));
        var retry = await f.Planner.PlanAsync("APP-FIRST", submission, IntakeFixture.Uscc);
        Assert.True(retry.Accepted, retry.Conflict);
        Assert.Equal(first.Plan.StageClaim, retry.Plan!.StageClaim);

        // Another submission while the first is live is refused by intake, as before.
        var other = await f.Planner.PlanAsync("APP-OTHER", submission, IntakeFixture.Uscc);
        Assert.Contains("applied for already in APP-FIRST", other.Conflict);

        // Once the first is refused the stage may be asked for again, as a new attempt with a claim of its own.
        f.EarlierStages.Stages[0] = Pit("APP-FIRST", "rejected");
        var again = await f.Planner.PlanAsync("APP-AGAIN", submission, IntakeFixture.Uscc);
        Assert.True(again.Accepted, again.Conflict);
        Assert.Equal($"{Project}:foundation-pit:2", again.Plan!.StageClaim);
    }

    [Fact]
    public async Task Two_applications_of_one_stage_started_together_leave_one_under_review_and_the_other_rejected_naming_it()
    {
        await using var h = new ApprovalHarness();
        await h.StartAsync();
        var claim = StageClaims.Key(Project, "foundation-pit", 1);
        var stage = new PermitStageView("foundation-pit", 1, 3, "基坑支护和土方开挖", "Foundation pit support and earthworks", Contractor, "中建示范工程局有限公司");
        ApplicationPlan Plan(string id) => h.Plan(id, [("HUD", "CP-PERMIT", 7)]) with { Procedure = StagedPermitPolicy.Procedure, Stage = stage, StageClaim = claim };

        await Task.WhenAll(h.SubmitAsync(Plan("APP-PIT-A")), h.SubmitAsync(Plan("APP-PIT-B")));
        var a = await h.WaitForAsync("APP-PIT-A", v => v.Status is "under-review" or "rejected");
        var b = await h.WaitForAsync("APP-PIT-B", v => v.Status is "under-review" or "rejected");

        var holder = await h.Records.GetAsync(StageClaims.Scope, claim);
        var (winner, loser) = holder == "APP-PIT-A" ? (a, b) : (b, a);
        Assert.Equal("under-review", winner.Status);
        Assert.Single(winner.Tasks);
        Assert.Equal("rejected", loser.Status);
        Assert.Empty(loser.Tasks);
        Assert.Contains(loser.Timeline, e => e.Event.Contains($"applied for at the same time in {winner.ApplicationId}", StringComparison.Ordinal));
        Assert.DoesNotContain(loser.Timeline, e => e.Event.StartsWith("accepted:", StringComparison.Ordinal));
    }
}
